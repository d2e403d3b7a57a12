import { Coins } from "lucide-react";
import Link from "next/link";
import { formatDay } from "@/components/costs/format";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";

/** Placeholders shaped like the totals, charts and node table while the first report loads. */
export function CostsSkeleton() {
  return (
    <LoadingStatus label="Loading costs…" className="flex flex-col gap-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2, 3, 4, 5].map((index) => (
          <Skeleton key={index} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-80" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
      <Skeleton className="h-72" />
    </LoadingStatus>
  );
}

/** Nothing was spent or run in the range: says so, and where spend comes from. */
export function CostsEmpty({
  from,
  to,
  flowName,
}: {
  from: string;
  to: string;
  flowName: string | null;
}) {
  const range = `${formatDay(from, true)} and ${formatDay(to, true)}`;
  return (
    <EmptyState
      icon={Coins}
      title={flowName ? `No spend for ${flowName} in this range` : "No spend in this range"}
      action={
        <Button asChild variant="outline">
          <Link href="/flows">Go to flows</Link>
        </Button>
      }
    >
      Nothing ran between {range} (UTC). Every model call a run makes is priced, including the
      built-in Simulated models (priced like gpt-4o-mini and gpt-4o), so run a flow or pick a longer
      range to see spend here.
    </EmptyState>
  );
}
