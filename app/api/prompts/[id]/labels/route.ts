import { createLabelSchema } from "@/lib/schemas/prompt-library";
import { createLabel } from "@/lib/server/prompts/labels";
import { created, idParams, route } from "@/lib/server/route";

/** POST /api/prompts/:id/labels: a new unprotected label (protected: 403 `approval_required`). */
export const POST = route(
  { permission: "prompt.edit", params: idParams, body: createLabelSchema },
  async ({ ctx, params, body }) => created({ prompt: await createLabel(ctx, params.id, body) }),
);
