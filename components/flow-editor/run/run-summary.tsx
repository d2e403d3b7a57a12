"use client";

import { errorText, formatCost, formatCount, formatLatency } from "@/components/flows/format";
import { RunStatusBadge } from "@/components/flows/run-status-badge";
import { Alert } from "@/components/ui/alert";
import { ValueBlock } from "@/components/ui/value-block";
import { LastRunHeading } from "./last-run-heading";
import type { EditorRun } from "./use-editor-run";

/** The followed run: status, totals, output or error, and a link to its page. */
export function RunSummary({ run }: { run: EditorRun }) {
  const { live, detail } = run;
  if (!live) return null;
  const nodes = Object.values(live.nodes);
  const totals = detail?.run.totals ?? {
    tokensIn: nodes.reduce((sum, n) => sum + n.tokens, 0),
    tokensOut: 0,
    costUsd: String(nodes.reduce((sum, n) => sum + n.costUsd, 0)),
    latencyMs: null,
  };
  const done = nodes.filter((n) => !["queued", "running"].includes(n.status)).length;
  const error = errorText(live.error);
  return (
    <section
      aria-labelledby="run-summary-heading"
      aria-live="polite"
      className="flex flex-col gap-2 border-t pt-4 text-sm"
      data-testid="run-summary"
    >
      <LastRunHeading id="run-summary-heading" runId={live.runId} />
      <p className="flex flex-wrap items-center gap-2">
        <RunStatusBadge status={live.status} data-testid="run-status" data-status={live.status} />
        <span className="text-xs text-muted-foreground">
          {run.running
            ? `${done} of ${nodes.length} nodes done`
            : [
                formatLatency(totals.latencyMs),
                `${formatCount(totals.tokensIn + totals.tokensOut)} tokens`,
                formatCost(totals.costUsd),
              ].join(" · ")}
        </span>
      </p>
      {run.streamError && <Alert title="Live updates stopped">{run.streamError}</Alert>}
      {error && (
        <p className="text-sm break-words text-danger" data-testid="run-error">
          {error}
        </p>
      )}
      {live.output !== undefined && live.output !== null && (
        <ValueBlock value={live.output} label="Run output" />
      )}
    </section>
  );
}
