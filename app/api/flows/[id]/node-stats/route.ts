import { nodeStatsQuerySchema } from "@/lib/schemas/node-stats";
import { nodeStatsOf } from "@/lib/server/node-stats";
import { idParams, route } from "@/lib/server/route";

/** GET /api/flows/:id/node-stats?last=N: each node's average cost and latency over the last N runs. */
export const GET = route(
  { permission: "workspace.read", params: idParams, query: nodeStatsQuerySchema },
  ({ ctx, params, query }) => nodeStatsOf(ctx, params.id, query),
);
