import { errorText, formatCost, formatCount, formatLatency } from "@/components/flows/format";
import { RunStatusBadge } from "@/components/flows/run-status-badge";
import type { NodeAttemptDto } from "@/lib/schemas/runs";

/** A node's attempts in a run, compact enough for the inspector: status, latency, model, tokens, cost, cache. */
export function AttemptList({ attempts }: { attempts: NodeAttemptDto[] }) {
  return (
    <ol className="flex flex-col gap-2" aria-label="Attempts" data-testid="node-attempts">
      {attempts.map((attempt) => {
        const { source } = attempt;
        const error = errorText(attempt.error);
        const facts = [
          formatLatency(attempt.latencyMs),
          attempt.model,
          attempt.provider !== null &&
            `${formatCount(attempt.tokensIn)} in / ${formatCount(attempt.tokensOut)} out tokens`,
          attempt.provider !== null && formatCost(attempt.costUsd),
          attempt.provider !== null && (attempt.cacheHit ? "cache hit" : "no cache hit"),
          source !== "executed" &&
            (source === "pinned" ? "pinned output" : "reused from the earlier run"),
        ].filter(Boolean);
        return (
          <li
            key={attempt.attempt}
            data-testid="node-attempt"
            className="flex flex-col gap-1 rounded-md border px-2.5 py-2 text-xs"
          >
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">Attempt {attempt.attempt}</span>
              <RunStatusBadge status={attempt.status} />
            </div>
            <p className="text-muted-foreground">{facts.join(" · ")}</p>
            {error && <p className="break-words text-danger">{error}</p>}
          </li>
        );
      })}
    </ol>
  );
}
