import { formatUsd } from "@/components/costs/format";
import { formatCount } from "@/components/flows/format";
import type { CostsReport } from "@/lib/schemas/costs";

function Stat({
  id,
  label,
  value,
  detail,
}: {
  id: string;
  label: string;
  value: string;
  detail: string;
}) {
  return (
    <div
      className="flex flex-col gap-1 rounded-lg border bg-card p-4 shadow-xs"
      data-testid={`costs-total-${id}`}
    >
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tracking-tight tabular-nums">{value}</dd>
      <dd className="text-xs text-muted-foreground tabular-nums">{detail}</dd>
    </div>
  );
}

/** The range's totals: spend, what the cache saved, runs, cost per good output, tokens, attempts. */
export function CostsTotals({ totals }: { totals: CostsReport["totals"] }) {
  const tokens = totals.tokensIn + totals.tokensOut;
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Stat
        id="spend"
        label="Spend"
        value={formatUsd(totals.costUsd)}
        detail={`Over ${formatCount(totals.runs)} runs and ${formatCount(tokens)} tokens`}
      />
      <Stat
        id="saved"
        label="Saved by cache"
        value={formatUsd(totals.costSavedUsd)}
        detail="What the answers served from the cache would have cost"
      />
      <Stat
        id="per-good-output"
        label="Cost per good output"
        value={formatUsd(totals.costPerGoodOutputUsd)}
        detail={
          totals.goodRuns > 0 ? "Spend divided by good runs" : "No good run in this range yet"
        }
      />
      <Stat
        id="runs"
        label="Runs"
        value={formatCount(totals.runs)}
        detail={`${formatCount(totals.goodRuns)} good (succeeded and not rated bad)`}
      />
      <Stat
        id="tokens"
        label="Tokens"
        value={formatCount(tokens)}
        detail={`${formatCount(totals.tokensIn)} in · ${formatCount(totals.tokensOut)} out · ${formatCount(totals.tokensCached)} cached`}
      />
      <Stat
        id="attempts"
        label="Attempts"
        value={formatCount(totals.attempts)}
        detail={`${formatCount(totals.executed)} executed · ${formatCount(totals.failed)} failed · ${formatCount(totals.attempts - totals.executed)} skipped or reused`}
      />
    </dl>
  );
}
