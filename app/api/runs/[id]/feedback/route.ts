import { runFeedbackSchema } from "@/lib/schemas/feedback";
import { idParams, route } from "@/lib/server/route";
import { rateRun, runFeedback } from "@/lib/server/runs/feedback";

/**
 * POST /api/runs/:id/feedback: rate a run good or bad (optional score 0..1 and comment); 201 with
 * the feedback and the run's new rating. Any member may rate, so it needs only "workspace.read".
 */
export const POST = route(
  { permission: "workspace.read", params: idParams, body: runFeedbackSchema },
  async ({ ctx, params, body }) =>
    Response.json(await rateRun(ctx.workspace.id, params.id, { user: ctx.user }, body), {
      status: 201,
    }),
);

/** GET /api/runs/:id/feedback: the run's feedback, newest first. */
export const GET = route(
  { permission: "workspace.read", params: idParams },
  async ({ ctx, params }) => ({ items: await runFeedback(ctx.workspace.id, params.id) }),
);
