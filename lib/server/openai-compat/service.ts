import { flowGraphSchema } from "@/lib/engine";
import { ENDPOINT_BODY_LIMIT } from "@/lib/schemas/endpoint-runs";
import { authenticateApiKey, type ApiCaller } from "../api-keys/authenticate";
import { keyRateLimiter } from "../api-keys/rate-limit";
import { idempotencyKeyOf } from "../endpoint-runs/idempotency";
import { endpointForCaller, startEndpointRun } from "../endpoint-runs/launch";
import { loadEndpointRun, settledEndpointRun } from "../endpoint-runs/read";
import { ApiError, validationError } from "../errors";
import { keyReader, readableContracts } from "../openapi/contracts";
import { isChatContract } from "../openapi/documents";
import { entryConfig } from "../openapi/flow-schemas";
import { readJsonBody } from "../request-body";
import { chatCompletion, modelEntry } from "./completion";
import { modelNotFound } from "./errors";
import { runOutcomeError } from "./outcome";
import { chatCompletionRequestSchema } from "./schemas";
import { liveReplyNode, streamCompletion } from "./stream";

/** How long a chat completion waits for its run (OpenAI's SDK waits up to 10 minutes). */
const CHAT_WAIT_MS = 5 * 60_000;

/**
 * An API key from `Authorization: Bearer`, counted against its calls per minute (429 over it): what
 * apiKeyRoute does, here for routes that answer errors in OpenAI's shape.
 */
export async function chatCaller(request: Request): Promise<ApiCaller> {
  const caller = await authenticateApiKey(request);
  await keyRateLimiter().consume(caller.keyId, caller.rateLimitPerMinute);
  return caller;
}

/** The endpoint named by `model` if the key may call it and its flow takes a chat input. */
async function chatEndpoint(caller: ApiCaller, model: string) {
  let endpoint;
  try {
    endpoint = await endpointForCaller(caller, model);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw modelNotFound(model);
    throw error;
  }
  const graph = flowGraphSchema.safeParse(endpoint.graph);
  if (!graph.success || entryConfig(graph.data)?.mode !== "chat")
    throw modelNotFound(
      model,
      "is not a chat endpoint (its flow's Input node is not in chat mode)",
    );
  return { ...endpoint, graph: graph.data };
}

/**
 * POST /api/v1/chat/completions: runs the chat endpoint named by `model` with `messages` as its
 * input, as an ordinary endpoint run (trigger `endpoint`, the key recorded, Idempotency-Key
 * honoured). Answers a `chat.completion` once the run settles, or streams chunks when `stream`.
 */
export async function createChatCompletion(request: Request): Promise<Response> {
  const caller = await chatCaller(request);
  const idempotencyKey = idempotencyKeyOf(request);
  const parsed = chatCompletionRequestSchema.safeParse(
    await readJsonBody(request, ENDPOINT_BODY_LIMIT),
  );
  if (!parsed.success) throw validationError(parsed.error);
  const body = parsed.data;
  const endpoint = await chatEndpoint(caller, body.model);
  const { runId } = await startEndpointRun(
    caller,
    body.model,
    { input: { messages: body.messages }, mode: body.stream ? "stream" : "sync" },
    idempotencyKey,
  );
  const headers = { "X-Trellis-Run-Id": runId };
  if (body.stream) {
    const run = await loadEndpointRun(caller, runId);
    const liveNodeId = liveReplyNode(endpoint.graph);
    const includeUsage = body.stream_options?.include_usage === true;
    const response = await streamCompletion(
      { caller, run, model: body.model, liveNodeId, includeUsage },
      request.signal,
    );
    response.headers.set("X-Trellis-Run-Id", runId);
    return response;
  }
  const run = await settledEndpointRun(caller, runId, CHAT_WAIT_MS);
  const failure = runOutcomeError(run);
  if (failure) throw failure;
  return Response.json(chatCompletion(run, body.model), { headers });
}

/** GET /api/v1/models: the chat endpoints the key may call, as OpenAI's model list. */
export async function listModels(request: Request): Promise<Response> {
  const caller = await chatCaller(request);
  const contracts = (await readableContracts(keyReader(caller))).filter(isChatContract);
  return Response.json({
    object: "list",
    data: contracts.map((c) => modelEntry(c.slug, c.createdAt)),
  });
}
