import { KeyRound, ThumbsDown, ThumbsUp } from "lucide-react";
import type { RunListItem } from "@/lib/query/run-list";
import { formatCost, formatCount } from "@/components/flows/format";
import { triggerLabel } from "./labels";

/** The flow's name and what ran: "v3", or "draft" when no saved version did. */
export function FlowCell({ run }: { run: RunListItem }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <span className="max-w-36 truncate font-medium" title={run.flowName}>
        {run.flowName}
      </span>
      <span className="text-xs text-muted-foreground">
        {run.flowVersion === null ? "draft" : `v${run.flowVersion}`}
      </span>
    </div>
  );
}

/** How the run started, with the endpoint's slug and the API key's name when a key started it. */
export function TriggerCell({ run }: { run: RunListItem }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <span>{triggerLabel(run.trigger)}</span>
      {run.endpointSlug && (
        <span
          className="max-w-36 truncate font-mono text-xs text-muted-foreground"
          title={`Endpoint: ${run.endpointSlug}`}
        >
          {run.endpointSlug}
        </span>
      )}
      {run.apiKeyName && (
        <span
          className="flex max-w-36 items-center gap-1 truncate text-xs text-muted-foreground"
          title={`API key: ${run.apiKeyName}`}
        >
          <KeyRound className="size-3 shrink-0" aria-label="API key" />
          <span className="truncate">{run.apiKeyName}</span>
        </span>
      )}
    </div>
  );
}

/** The start of the input as compact JSON, or a note once retention removed it. */
export function InputCell({ preview }: { preview: string | null }) {
  if (preview === null) {
    return (
      <span
        className="text-xs text-muted-foreground italic"
        title="Removed by the data retention policy"
      >
        Purged
      </span>
    );
  }
  return (
    <span className="block max-w-48 truncate font-mono text-xs" title={preview}>
      {preview}
    </span>
  );
}

/** The latest rating as a thumb, or a dash when nobody rated the run. */
export function RatingCell({ rating }: { rating: string | null }) {
  if (rating === "good") {
    return (
      <ThumbsUp
        className="size-4 text-green-600 dark:text-green-400"
        aria-label="Rated good"
        role="img"
      />
    );
  }
  if (rating === "bad") {
    return (
      <ThumbsDown
        className="size-4 text-red-600 dark:text-red-400"
        aria-label="Rated bad"
        role="img"
      />
    );
  }
  return (
    <span className="text-muted-foreground">
      <span aria-hidden>—</span>
      <span className="sr-only">Not rated</span>
    </span>
  );
}

/** The run's cost, with its tokens in and out beneath (cached ones in the tooltip). */
export function CostCell({ run }: { run: RunListItem }) {
  const detail = `${formatCount(run.tokensIn)} in · ${formatCount(run.tokensOut)} out · ${formatCount(run.tokensCached)} cached`;
  return (
    <div className="flex flex-col items-end gap-0.5 whitespace-nowrap tabular-nums">
      <span>{formatCost(run.costUsd)}</span>
      <span className="text-xs text-muted-foreground" title={detail}>
        <span aria-hidden>
          {formatCount(run.tokensIn)} / {formatCount(run.tokensOut)} tok
        </span>
        <span className="sr-only">{detail} tokens</span>
      </span>
    </div>
  );
}
