import { idParams, route } from "@/lib/server/route";
import { getRun } from "@/lib/server/runs/run-service";

/** GET /api/runs/:id: status, input, output, error and totals. */
export const GET = route(
  { permission: "workspace.read", params: idParams },
  async ({ ctx, params }) => ({
    run: await getRun(ctx, params.id),
  }),
);
