import { moveLabelSchema, promptLabelParams } from "@/lib/schemas/prompt-library";
import { deleteLabel, moveUnprotectedLabel } from "@/lib/server/prompts/labels";
import { route } from "@/lib/server/route";

/** PUT /api/prompts/:id/labels/:label: move an unprotected label (protected: 403 `approval_required`). */
export const PUT = route(
  { permission: "prompt.edit", params: promptLabelParams, body: moveLabelSchema },
  async ({ ctx, params, body }) => ({
    prompt: await moveUnprotectedLabel(ctx, params.id, params.label, body.versionId),
  }),
);

/** DELETE /api/prompts/:id/labels/:label: remove a custom, unprotected label. */
export const DELETE = route(
  { permission: "prompt.edit", params: promptLabelParams },
  async ({ ctx, params }) => ({ prompt: await deleteLabel(ctx, params.id, params.label) }),
);
