import { updatePromptSchema } from "@/lib/schemas/prompt-library";
import { promptDetail, updatePrompt } from "@/lib/server/prompts/library";
import { idParams, route } from "@/lib/server/route";

/** GET /api/prompts/:id: labels, versions, latest version and open change requests. */
export const GET = route(
  { permission: "workspace.read", params: idParams },
  async ({ ctx, params }) => ({ prompt: await promptDetail(ctx, params.id) }),
);

/** PATCH /api/prompts/:id: the description (audited). */
export const PATCH = route(
  { permission: "prompt.edit", params: idParams, body: updatePromptSchema },
  async ({ ctx, params, body }) => ({ prompt: await updatePrompt(ctx, params.id, body) }),
);
