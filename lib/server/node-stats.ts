import { flowNodeStats } from "@/lib/db/node-stats";
import type { NodeStatsDto, NodeStatsQuery } from "@/lib/schemas/node-stats";
import { errors } from "./errors";
import type { WorkspaceContext } from "./workspace-context";

/** Each node's average cost, latency and error rate over the flow's last runs; 404 for another workspace's flow. */
export async function nodeStatsOf(
  ctx: WorkspaceContext,
  flowId: string,
  query: NodeStatsQuery,
): Promise<NodeStatsDto> {
  const stats = await flowNodeStats(ctx.workspace.id, flowId, query.last);
  if (!stats) throw errors.notFound("Flow");
  return {
    runs: stats.runs,
    nodes: stats.nodes.map((node) => ({
      nodeId: node.nodeId,
      executions: node.executions,
      avgCostUsd: node.avgCostUsd,
      avgLatencyMs: node.avgLatencyMs,
      p95LatencyMs: node.p95LatencyMs,
      errorRate: node.attempts > 0 ? node.failed / node.attempts : 0,
      lastRunAt: node.lastRunAt.toISOString(),
    })),
  };
}
