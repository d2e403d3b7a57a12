import { formatCost } from "@/components/flows/format";
import type { NodeStatDto } from "@/lib/schemas/node-stats";

/** How a node's average cost compares with the costliest node's. */
export type CostLevel = "high" | "medium" | "low" | "free";

/** The words for each level, shown and read out with the colour. */
export const COST_LEVEL_LABELS: Record<CostLevel, string> = {
  high: "High cost",
  medium: "Medium cost",
  low: "Low cost",
  free: "No cost",
};

/**
 * Each node's level relative to the costliest node: at least half of it is high, at least a
 * sixth medium, anything above zero low.
 */
export function costLevels(nodes: NodeStatDto[]): Map<string, CostLevel> {
  const max = Math.max(0, ...nodes.map((n) => Number(n.avgCostUsd)));
  return new Map(
    nodes.map((node): [string, CostLevel] => {
      const cost = Number(node.avgCostUsd);
      if (!(cost > 0) || max === 0) return [node.nodeId, "free"];
      const ratio = cost / max;
      return [node.nodeId, ratio >= 0.5 ? "high" : ratio >= 1 / 6 ? "medium" : "low"];
    }),
  );
}

/** A short USD amount: "$0", "$0.000123" under a cent, "$0.42" above. */
export function compactCost(costUsd: string): string {
  const value = Number(costUsd);
  if (value === 0) return "$0";
  return value < 0.01 ? formatCost(value) : `$${value.toFixed(2)}`;
}

/** An error rate as a whole percentage, never rounding a failure down to 0 %: "<1%", "12%". */
export function errorPercent(rate: number): string {
  const percent = rate * 100;
  return percent > 0 && percent < 1 ? "<1%" : `${Math.round(percent)}%`;
}
