import { promptLabelParams, rollbackLabelSchema } from "@/lib/schemas/prompt-library";
import { rollbackLabel } from "@/lib/server/prompts/labels";
import { route } from "@/lib/server/route";

/** POST /api/prompts/:id/labels/:label/rollback: an approver's emergency move back, with a reason. */
export const POST = route(
  { permission: "change.approve", params: promptLabelParams, body: rollbackLabelSchema },
  async ({ ctx, params, body }) => ({
    prompt: await rollbackLabel(ctx, params.id, params.label, body),
  }),
);
