"use client";

import { Panel } from "@xyflow/react";
import { useId } from "react";
import { errorMessage } from "@/lib/query/api";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { COST_LEVEL_LABELS, type CostLevel } from "./cost-scale";
import { COST_WINDOWS } from "./prefs";

const SWATCHES: Record<Exclude<CostLevel, "free">, string> = {
  high: "bg-red-400 dark:bg-red-700",
  medium: "bg-amber-400 dark:bg-amber-700",
  low: "bg-emerald-400 dark:bg-emerald-700",
};

/** The overlay's caption on the canvas: the window (with its N selector), loading and errors, the colour key. */
export function CostLegend({
  last,
  onLast,
  runs,
  loading,
  error,
  onRetry,
}: {
  last: number;
  onLast: (last: number) => void;
  runs: number | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const id = useId();
  return (
    <Panel
      position="top-left"
      className="flex max-w-[calc(100%-2rem)] flex-col gap-1.5 rounded-md border bg-background/95 px-3 py-2 text-xs shadow-sm"
      data-testid="cost-legend"
      aria-label="Cost overlay"
      role="region"
    >
      <div className="flex flex-wrap items-center gap-1">
        <label htmlFor={id}>Average over the last</label>
        <select
          id={id}
          value={last}
          onChange={(event) => onLast(Number(event.target.value))}
          className="h-6 rounded border border-input bg-background px-1 text-xs"
        >
          {COST_WINDOWS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <span>runs</span>
        {runs !== undefined && !loading && (
          <span className="text-muted-foreground" data-testid="cost-runs-found">
            ({runs} found)
          </span>
        )}
        {loading && (
          <span className="flex items-center gap-1 text-muted-foreground" role="status">
            <Spinner className="size-3" />
            Loading…
          </span>
        )}
      </div>
      {runs === 0 && !error && (
        <p className="text-muted-foreground">
          No finished runs yet: run the flow to see its costs.
        </p>
      )}
      {error ? (
        <div role="alert" className="flex items-center gap-2 text-red-700 dark:text-red-400">
          <span>Could not load costs: {errorMessage(error)}</span>
          <Button variant="outline" size="sm" className="h-6 px-2" onClick={onRetry}>
            Retry
          </Button>
        </div>
      ) : runs === 0 ? null : (
        <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted-foreground">
          {(Object.keys(SWATCHES) as (keyof typeof SWATCHES)[]).map((level) => (
            <li key={level} className="flex items-center gap-1">
              <span className={cn("size-2.5 rounded-sm", SWATCHES[level])} aria-hidden />
              {COST_LEVEL_LABELS[level]}
            </li>
          ))}
          <li>cost · latency · errors</li>
        </ul>
      )}
    </Panel>
  );
}
