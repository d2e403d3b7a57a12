import { replayRunSchema } from "@/lib/schemas/runs";
import { idParams, route } from "@/lib/server/route";
import { replayRun } from "@/lib/server/runs/replay";

/**
 * POST /api/runs/:id/replay: run the same input again on the same version or draft snapshot, or
 * on the flow's newest saved version; 202 with the new run, or 200 once settled within `waitMs`.
 */
export const POST = route(
  { permission: "flow.run", params: idParams, body: replayRunSchema },
  async ({ ctx, params, body }) => {
    const { status, run } = await replayRun(ctx, params.id, body);
    return Response.json({ run }, { status });
  },
);
