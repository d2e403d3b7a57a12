"use client";

import { memo } from "react";
import { formatLatency } from "@/components/flows/format";
import { formatDateTime } from "@/components/settings/format";
import { cn } from "@/components/ui/cn";
import type { NodeStatDto } from "@/lib/schemas/node-stats";
import { COST_LEVEL_LABELS, compactCost, errorPercent, type CostLevel } from "./cost-scale";

const LEVEL_CLASSES: Record<CostLevel, string> = {
  high: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  medium:
    "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  low: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  free: "border-zinc-300 bg-white text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
};

function describe(label: string, stat: NodeStatDto, level: CostLevel): string {
  const runs = `${stat.executions} run${stat.executions === 1 ? "" : "s"}`;
  return [
    `${label}: ${COST_LEVEL_LABELS[level].toLowerCase()}, average ${compactCost(stat.avgCostUsd)} per run over ${runs}`,
    `latency ${formatLatency(stat.avgLatencyMs)} average, ${formatLatency(stat.p95LatencyMs)} p95`,
    `${errorPercent(stat.errorRate)} of attempts failed`,
    `last ran ${formatDateTime(stat.lastRunAt)}`,
  ].join("; ");
}

/** One node's cost badge, drawn in flow coordinates just above the node's top-left corner. */
export const CostBadge = memo(function CostBadge({
  x,
  y,
  label,
  stat,
  level,
  compact,
}: {
  x: number;
  y: number;
  label: string;
  stat: NodeStatDto | undefined;
  level: CostLevel;
  /** Cost only (zoomed out); latency and errors stay in the tooltip. */
  compact: boolean;
}) {
  const text = stat ? describe(label, stat, level) : `${label}: no runs in this window`;
  return (
    <li
      data-testid="cost-badge"
      data-level={stat ? level : "none"}
      title={text}
      aria-label={text}
      className={cn(
        "pointer-events-auto absolute flex items-center gap-1.5 rounded-md border px-1.5 py-0.5 text-[11px] leading-4 whitespace-nowrap shadow-sm",
        stat && level === "high" && "border-2 font-bold",
        stat
          ? LEVEL_CLASSES[level]
          : "border-dashed border-zinc-300 bg-white/90 text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900/90 dark:text-zinc-400",
      )}
      style={{
        transformOrigin: "0 0",
        transform: `translate(${x}px, ${y}px) scale(var(--cost-scale, 1)) translateY(calc(-100% - 6px))`,
      }}
    >
      {stat ? (
        <>
          {level === "high" && !compact && <span className="font-semibold uppercase">High</span>}
          <span className="font-semibold tabular-nums">{compactCost(stat.avgCostUsd)}</span>
          {!compact && <span aria-hidden>·</span>}
          {!compact && <span className="tabular-nums">{formatLatency(stat.avgLatencyMs)}</span>}
          {stat.errorRate > 0 && (
            <>
              <span aria-hidden>·</span>
              <span className="font-medium tabular-nums">{errorPercent(stat.errorRate)} err</span>
            </>
          )}
        </>
      ) : (
        "no runs"
      )}
    </li>
  );
});
