import { idParams, route } from "@/lib/server/route";
import { cancelRun } from "@/lib/server/runs/run-service";

/** POST /api/runs/:id/cancel. */
export const POST = route(
  { permission: "flow.run", params: idParams },
  async ({ ctx, params }) => ({
    run: await cancelRun(ctx, params.id),
  }),
);
