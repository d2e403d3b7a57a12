import type { CostsByDay, CostsByFlow, CostsByModel, CostsByNode } from "@/lib/schemas/costs";
import { addDays } from "@/components/costs/range";

/** One day of the daily charts, money as a number for plotting. */
export interface DayPoint {
  day: string;
  cost: number;
  tokensIn: number;
  tokensOut: number;
  tokensCached: number;
}

/** One bar of the by-flow and by-model charts. */
export interface NamedCost {
  name: string;
  cost: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** More days than this are plotted as reported (only the days that have spend). */
const MAX_FILLED_DAYS = 3_660;

/** Every day of the range, zero on days without spend, so gaps show as gaps rather than being skipped. */
export function dailySeries(byDay: CostsByDay[], from: string, to: string): DayPoint[] {
  const toPoint = (row: CostsByDay): DayPoint => ({
    day: row.day,
    cost: Number(row.costUsd),
    tokensIn: row.tokensIn,
    tokensOut: row.tokensOut,
    tokensCached: row.tokensCached,
  });
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!ISO_DAY.test(from) || !ISO_DAY.test(to) || !(span >= 0 && span < MAX_FILLED_DAYS))
    return byDay.map(toPoint);
  const known = new Map(byDay.map((row) => [row.day, toPoint(row)]));
  const points: DayPoint[] = [];
  for (let day = from; day <= to; day = addDays(day, 1))
    points.push(known.get(day) ?? { day, cost: 0, tokensIn: 0, tokensOut: 0, tokensCached: 0 });
  return points;
}

/** The `limit - 1` largest entries and the rest summed as "Other (n)", largest first. */
export function topWithOther(rows: NamedCost[], limit: number): NamedCost[] {
  const sorted = [...rows].sort((a, b) => b.cost - a.cost);
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit - 1);
  return [
    ...sorted.slice(0, limit - 1),
    { name: `Other (${rest.length})`, cost: rest.reduce((sum, row) => sum + row.cost, 0) },
  ];
}

/** Bars of spend per flow. */
export function flowBars(byFlow: CostsByFlow[], limit = 8): NamedCost[] {
  return topWithOther(
    byFlow.map((row) => ({ name: row.flowName, cost: Number(row.costUsd) })),
    limit,
  );
}

/** "provider / model", as the by-model chart and table name a model. */
export const modelName = (row: Pick<CostsByModel, "provider" | "model">) =>
  `${row.provider} / ${row.model}`;

/** Bars of spend per provider and model. */
export function modelBars(byModel: CostsByModel[], limit = 8): NamedCost[] {
  return topWithOther(
    byModel.map((row) => ({ name: modelName(row), cost: Number(row.costUsd) })),
    limit,
  );
}

/** The node table's sortable columns. */
export type NodeSortKey = "spend" | "latency" | "errorRate";

/** A sort order: column and direction. */
export interface NodeSort {
  key: NodeSortKey;
  descending: boolean;
}

const sortValue: Record<NodeSortKey, (row: CostsByNode) => number | null> = {
  spend: (row) => Number(row.costUsd),
  latency: (row) => row.latencyMs.p95,
  errorRate: (row) => row.errorRate,
};

/** The rows in `sort` order; unknown values (no latency, nothing executed) always last. */
export function sortNodes(rows: CostsByNode[], { key, descending }: NodeSort): CostsByNode[] {
  const value = sortValue[key];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return descending ? y - x : x - y;
  });
}

/** Average spend per executed attempt of a node, null when it never executed. */
export function averageCost(row: Pick<CostsByNode, "costUsd" | "executed">): number | null {
  return row.executed > 0 ? Number(row.costUsd) / row.executed : null;
}

/** The largest point of a series, for a chart's text description. */
export function peakOf<T>(points: T[], value: (point: T) => number): T | null {
  return points.reduce<T | null>(
    (best, point) => (best === null || value(point) > value(best) ? point : best),
    null,
  );
}
