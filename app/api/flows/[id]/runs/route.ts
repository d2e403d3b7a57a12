import { startRunSchema } from "@/lib/schemas/runs";
import { idParams, route } from "@/lib/server/route";
import { startRun } from "@/lib/server/runs/run-service";

/**
 * POST /api/flows/:id/runs: run the draft or a version, or rerun the draft from a node of an
 * earlier run (`from`); 202 with the run, or 200 once settled when `waitMs` allows. Runs started
 * with a session come from the app (editor or Flows page), so they are recorded as "editor" runs.
 */
export const POST = route(
  { permission: "flow.run", params: idParams, body: startRunSchema },
  async ({ ctx, params, body }) => {
    const { status, run } = await startRun(ctx, params.id, body, "editor");
    return Response.json({ run }, { status });
  },
);
