import { idParams, route } from "@/lib/server/route";
import { getRunWithNodes } from "@/lib/server/runs/run-service";

/** GET /api/runs/:id: status, input, output, error, totals and every node attempt. */
export const GET = route(
  { permission: "workspace.read", params: idParams },
  async ({ ctx, params }) => getRunWithNodes(ctx, params.id),
);
