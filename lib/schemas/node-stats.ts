import { z } from "zod";

/** The most runs the editor's cost overlay may average over. */
export const MAX_NODE_STATS_RUNS = 500;

/** GET /api/flows/:id/node-stats: how many of the latest runs to average (default 20). */
export const nodeStatsQuerySchema = z.strictObject({
  last: z.coerce
    .number({ error: "Use a whole number of runs" })
    .int({ error: "Use a whole number of runs" })
    .min(1, { error: "Average over at least 1 run" })
    .max(MAX_NODE_STATS_RUNS, { error: `Average over at most ${MAX_NODE_STATS_RUNS} runs` })
    .default(20),
});

/** Parsed node-stats query. */
export type NodeStatsQuery = z.output<typeof nodeStatsQuerySchema>;

/** One node's averages over the runs considered. */
export interface NodeStatDto {
  nodeId: string;
  /** Runs in which the node executed (not skipped, pinned or reused). */
  executions: number;
  /** Decimal USD string: every attempt's cost (retries included) divided by executions. */
  avgCostUsd: string;
  /** Mean latency of final attempts; null when none recorded one. */
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
  /** Failed attempts / attempts, 0..1. */
  errorRate: number;
  /** When the latest run in which the node executed was created (ISO). */
  lastRunAt: string;
}

/** GET /api/flows/:id/node-stats response. */
export interface NodeStatsDto {
  /** How many runs were considered (at most `last`). */
  runs: number;
  nodes: NodeStatDto[];
}
