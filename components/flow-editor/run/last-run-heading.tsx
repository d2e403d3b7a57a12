import { ExternalLink } from "lucide-react";
import Link from "next/link";

/** The "Last run" heading with its link to the run page. */
export function LastRunHeading({ id, runId }: { id: string; runId: string }) {
  return (
    <div className="flex items-center justify-between gap-2">
      <h3 id={id} className="text-sm font-semibold">
        Last run
      </h3>
      <Link
        href={`/runs/${encodeURIComponent(runId)}`}
        className="inline-flex items-center gap-1 text-xs font-medium text-primary underline-offset-4 hover:underline"
      >
        Open run
        <ExternalLink className="size-3" aria-hidden />
      </Link>
    </div>
  );
}
