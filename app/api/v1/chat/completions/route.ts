import { openAiErrors } from "@/lib/server/openai-compat/errors";
import { createChatCompletion } from "@/lib/server/openai-compat/service";

export const dynamic = "force-dynamic";

/** POST /api/v1/chat/completions: OpenAI-compatible chat over the endpoints with a chat input. */
export const POST = (request: Request) => openAiErrors(() => createChatCompletion(request));
