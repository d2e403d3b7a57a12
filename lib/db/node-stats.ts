import { getDb } from "./client";

/** Cost, latency and reliability of one node over a flow's recent runs. */
export interface NodeStatsRow {
  nodeId: string;
  executions: number;
  attempts: number;
  failed: number;
  /** Decimal string, 8 decimals at most. */
  avgCostUsd: string;
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
  lastRunAt: Date;
}

/** Per-node figures over the last runs of a flow, and how many runs they cover. */
export interface FlowNodeStats {
  runs: number;
  nodes: NodeStatsRow[];
}

type Row = { flows: number; runs: number } & (NodeStatsRow | { [K in keyof NodeStatsRow]: null });

/**
 * Per-node averages over a flow's last `last` settled runs (any status but queued or running,
 * purged content included), in one statement. Only executed attempts count (not skipped, pinned
 * or reused): cost sums every attempt, retries included; latency reads final attempts. Null when
 * the flow is not in the workspace.
 */
export async function flowNodeStats(
  workspaceId: string,
  flowId: string,
  last: number,
): Promise<FlowNodeStats | null> {
  const rows = await getDb().$queryRaw<Row[]>`
    WITH flow AS (
      SELECT id FROM "Flow" WHERE id = ${flowId} AND "workspaceId" = ${workspaceId}
    ), recent AS (
      SELECT r.id, r."createdAt" FROM "Run" r
      WHERE r."workspaceId" = ${workspaceId} AND r."flowId" = ${flowId}
        AND r.status NOT IN ('queued', 'running')
      ORDER BY r."createdAt" DESC, r.id DESC
      LIMIT ${last}
    ), stats AS (
      SELECT n."nodeId",
        COUNT(DISTINCT n."runId")::int AS executions,
        COUNT(*)::int AS attempts,
        (COUNT(*) FILTER (WHERE n.status = 'failed'))::int AS failed,
        SUM(n."costUsd") AS cost,
        AVG(n."latencyMs") FILTER (WHERE n.final) AS "avgLatencyMs",
        percentile_cont(0.95) WITHIN GROUP (ORDER BY n."latencyMs") FILTER (WHERE n.final)
          AS "p95LatencyMs",
        MAX(recent."createdAt") AS "lastRunAt"
      FROM recent JOIN "NodeRun" n ON n."runId" = recent.id
      WHERE n.source = 'executed' AND n.status <> 'skipped'
      GROUP BY n."nodeId"
    )
    SELECT (SELECT COUNT(*)::int FROM flow) AS flows, (SELECT COUNT(*)::int FROM recent) AS runs,
      s."nodeId", s.executions, s.attempts, s.failed,
      trim_scale(ROUND(s.cost / s.executions, 8))::text AS "avgCostUsd",
      ROUND(s."avgLatencyMs")::int AS "avgLatencyMs",
      ROUND(s."p95LatencyMs")::int AS "p95LatencyMs",
      s."lastRunAt"
    FROM (SELECT 1) AS one LEFT JOIN stats s ON true
    ORDER BY s."nodeId"`;
  const first = rows[0];
  if (!first?.flows) return null;
  return {
    runs: first.runs,
    nodes: rows.flatMap(({ flows: _flows, runs: _runs, ...node }) =>
      node.nodeId === null ? [] : [node],
    ),
  };
}
