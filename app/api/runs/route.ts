import { runListQuerySchema } from "@/lib/schemas/run-list";
import { route } from "@/lib/server/route";
import { listRuns } from "@/lib/server/runs/run-list";

/**
 * GET /api/runs: a keyset page of the workspace's runs, newest first, filtered by flow, version,
 * status, trigger, rating, date range, minimum cost and a search (run id prefix or input text).
 */
export const GET = route(
  { permission: "workspace.read", query: runListQuerySchema },
  ({ ctx, query }) => listRuns(ctx, query),
);
