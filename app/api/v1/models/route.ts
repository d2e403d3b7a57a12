import { openAiErrors } from "@/lib/server/openai-compat/errors";
import { listModels } from "@/lib/server/openai-compat/service";

export const dynamic = "force-dynamic";

/** GET /api/v1/models: the chat endpoints the API key may call (OpenAI's list shape). */
export const GET = (request: Request) => openAiErrors(() => listModels(request));
