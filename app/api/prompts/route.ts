import { createPromptSchema, PROMPT_BODY_LIMIT } from "@/lib/schemas/prompt-library";
import { createPrompt, promptsOf } from "@/lib/server/prompts/library";
import { created, route } from "@/lib/server/route";

/** GET /api/prompts: managed prompts of the workspace with their labels and latest version. */
export const GET = route({ permission: "workspace.read" }, async ({ ctx }) => ({
  prompts: await promptsOf(ctx),
}));

/** POST /api/prompts: a new prompt with its version 1; 201 `{ prompt }`. */
export const POST = route(
  { permission: "prompt.edit", body: createPromptSchema, maxBodyBytes: PROMPT_BODY_LIMIT },
  async ({ ctx, body }) => created({ prompt: await createPrompt(ctx, body) }),
);
