import { humanDecisionSchema } from "@/lib/schemas/runs";
import { idParams, route } from "@/lib/server/route";
import { decideTask } from "@/lib/server/runs/human-tasks";

/** POST /api/human-tasks/:id/decision: approve, edit or reject; resumes the run exactly once. */
export const POST = route(
  { permission: "humanTask.decide", params: idParams, body: humanDecisionSchema },
  async ({ ctx, params, body }) => decideTask(ctx, params.id, body),
);
