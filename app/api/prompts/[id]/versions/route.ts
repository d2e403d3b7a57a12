import { PROMPT_BODY_LIMIT, savePromptVersionSchema } from "@/lib/schemas/prompt-library";
import { saveVersion } from "@/lib/server/prompts/versions";
import { created, idParams, route } from "@/lib/server/route";

/** POST /api/prompts/:id/versions: the next immutable version; 409 `version_conflict` on a stale `baseVersion`. */
export const POST = route(
  {
    permission: "prompt.edit",
    params: idParams,
    body: savePromptVersionSchema,
    maxBodyBytes: PROMPT_BODY_LIMIT,
  },
  async ({ ctx, params, body }) => created({ version: await saveVersion(ctx, params.id, body) }),
);
