import type OpenAI from "openai";
import { z } from "zod";
import type { TokenUsage } from "@/lib/engine/context";
import type { AdapterRequest, ToolCall } from "./types";

type Params = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

function schemaName(schema: Record<string, unknown>): string {
  const title =
    typeof schema.title === "string" ? schema.title.replace(/[^A-Za-z0-9_-]/g, "_") : "";
  return title.slice(0, 64) || "output";
}

/**
 * The chat.completions body for a request. Tool messages carry no call id in Trellis, so they go
 * to the model as user messages marked "[tool]". The official API (no base URL) gets
 * `max_completion_tokens`; compatible servers get the widely supported `max_tokens`.
 */
export function requestBody(request: AdapterRequest, official: boolean): Params {
  const p = request.parameters ?? {};
  const body: Params = {
    model: request.model,
    messages: request.messages.map((m) =>
      m.role === "tool"
        ? { role: "user", content: `[tool] ${m.content}` }
        : { role: m.role, content: m.content },
    ),
  };
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.topP !== undefined) body.top_p = p.topP;
  if (p.stop?.length) body.stop = p.stop;
  if (p.maxTokens !== undefined)
    body[official ? "max_completion_tokens" : "max_tokens"] = p.maxTokens;
  if (request.jsonSchema) {
    const schema = request.jsonSchema;
    body.response_format = {
      type: "json_schema",
      json_schema: { name: schemaName(schema), schema, strict: true },
    };
  }
  return body;
}

const usageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  prompt_tokens_details: z
    .object({ cached_tokens: z.number().int().nonnegative().nullish() })
    .nullish(),
});

const toolCallSchema = z.object({
  id: z.string(),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

/** The parts of a chat.completion response Trellis reads; anything else there is ignored. */
export const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z.array(toolCallSchema).nullish(),
        }),
      }),
    )
    .min(1),
  usage: usageSchema.nullish(),
});

/** Token usage from an OpenAI usage object (zeros when the server reported none). */
export function toUsage(usage: z.infer<typeof usageSchema> | null | undefined): TokenUsage {
  return {
    inputTokens: usage?.prompt_tokens ?? 0,
    outputTokens: usage?.completion_tokens ?? 0,
    cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

/** Tool calls of a response message. */
export function toToolCalls(
  calls: z.infer<typeof toolCallSchema>[] | null | undefined,
): ToolCall[] | undefined {
  return calls?.length
    ? calls.map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments }))
    : undefined;
}

const chunkSchema = z.object({
  model: z.string().optional(),
  choices: z.array(
    z.object({
      delta: z
        .object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                index: z.number().int(),
                id: z.string().nullish(),
                function: z
                  .object({ name: z.string().nullish(), arguments: z.string().nullish() })
                  .nullish(),
              }),
            )
            .nullish(),
        })
        .nullish(),
    }),
  ),
  usage: usageSchema.nullish(),
});

/** One streamed chunk, checked. */
export const parseChunk = (chunk: unknown) => chunkSchema.parse(chunk);

/** Accumulates streamed tool-call fragments by index. */
export function mergeToolCalls(target: ToolCall[], chunk: z.infer<typeof chunkSchema>): void {
  for (const choice of chunk.choices) {
    for (const part of choice.delta?.tool_calls ?? []) {
      const call = (target[part.index] ??= { id: "", name: "", arguments: "" });
      call.id ||= part.id ?? "";
      call.name += part.function?.name ?? "";
      call.arguments += part.function?.arguments ?? "";
    }
  }
}
