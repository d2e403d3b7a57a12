import OpenAI from "openai";
import { NodeError } from "@/lib/engine/errors";
import { callSignal } from "../abort";
import { mapOpenAIError } from "./openai-errors";
import {
  completionSchema,
  mergeToolCalls,
  parseChunk,
  requestBody,
  toToolCalls,
  toUsage,
} from "./openai-wire";
import type {
  AdapterOptions,
  AdapterRequest,
  AdapterResult,
  ProviderAdapter,
  ToolCall,
} from "./types";

/** Where an OpenAI-compatible connection lives and its (decrypted) key. */
export interface OpenAIConnection {
  baseUrl: string | null;
  apiKey: string | null;
}

// Keyless local servers (Ollama, LM Studio) still need a value: the SDK refuses to start without one.
const NO_KEY = "no-key";

function refusalError(refusal: string, result: AdapterResult): NodeError {
  const details = { provider: "openai", model: result.model, usage: result.usage };
  return new NodeError(`The model refused: ${refusal}`, "provider_refusal", {
    retryable: false,
    details,
  });
}

async function completeOnce(
  client: OpenAI,
  body: ReturnType<typeof requestBody>,
  signal: AbortSignal,
  timeoutMs: number,
) {
  const raw: unknown = await client.chat.completions.create(body, {
    signal,
    timeout: timeoutMs,
    maxRetries: 0,
  });
  const parsed = completionSchema.parse(raw);
  const message = parsed.choices[0]!.message;
  const result: AdapterResult = {
    text: message.content ?? "",
    usage: toUsage(parsed.usage),
    model: parsed.model ?? body.model,
    provider: "openai",
    toolCalls: toToolCalls(message.tool_calls),
  };
  if (message.refusal && !message.content) throw refusalError(message.refusal, result);
  return result;
}

async function completeStreaming(
  client: OpenAI,
  body: ReturnType<typeof requestBody>,
  signal: AbortSignal,
  options: AdapterOptions,
): Promise<AdapterResult> {
  const stream = await client.chat.completions.create(
    { ...body, stream: true, stream_options: { include_usage: true } },
    { signal, timeout: options.timeoutMs, maxRetries: 0 },
  );
  let text = "";
  let refusal = "";
  let model = body.model;
  let usage = toUsage(undefined);
  const toolCalls: ToolCall[] = [];
  for await (const raw of stream) {
    const chunk = parseChunk(raw);
    model = chunk.model ?? model;
    if (chunk.usage) usage = toUsage(chunk.usage);
    mergeToolCalls(toolCalls, chunk);
    for (const choice of chunk.choices) {
      refusal += choice.delta?.refusal ?? "";
      const token = choice.delta?.content;
      if (!token) continue;
      text += token;
      options.onToken?.(token);
    }
  }
  // The SDK ends the iteration quietly when the request is aborted mid-stream.
  if (signal.aborted) throw new Error("aborted");
  const result: AdapterResult = {
    text,
    usage,
    model,
    provider: "openai",
    toolCalls: toolCalls.length ? toolCalls : undefined,
  };
  if (refusal && !text) throw refusalError(refusal, result);
  return result;
}

/**
 * An adapter over the official SDK for OpenAI or any OpenAI-compatible server. One client per
 * connection, SDK retries off (the engine's node policy retries), the node's signal and a time-out
 * on every request.
 */
export function createOpenAIAdapter(connection: OpenAIConnection): ProviderAdapter {
  const client = new OpenAI({
    apiKey: connection.apiKey ?? NO_KEY,
    baseURL: connection.baseUrl ?? undefined,
    maxRetries: 0,
    logLevel: "off",
  });
  const official = connection.baseUrl === null;
  return {
    async complete(request: AdapterRequest, options: AdapterOptions): Promise<AdapterResult> {
      const call = callSignal(options.signal, options.timeoutMs);
      const body = requestBody(request, official);
      try {
        if (options.onToken) return await completeStreaming(client, body, call.signal, options);
        return await completeOnce(client, body, call.signal, options.timeoutMs);
      } catch (error) {
        throw mapOpenAIError(error, request.model, () =>
          call.signal.aborted ? call.reason() : undefined,
        );
      }
    },
  };
}
