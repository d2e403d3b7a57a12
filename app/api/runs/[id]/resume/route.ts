import { resumeRunSchema } from "@/lib/schemas/runs";
import { idParams, route } from "@/lib/server/route";
import { resumeRun } from "@/lib/server/runs/resume";

/**
 * POST /api/runs/:id/resume: rerun a failed run from its failed node, reusing everything else it
 * settled; 202 with the new run, or 200 once settled within `waitMs`; 409 unless the run failed.
 */
export const POST = route(
  { permission: "flow.run", params: idParams, body: resumeRunSchema },
  async ({ ctx, params, body }) => {
    const { status, run } = await resumeRun(ctx, params.id, body);
    return Response.json({ run }, { status });
  },
);
