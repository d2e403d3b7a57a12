import { MAX_CHAT_MESSAGES } from "../openai-compat/schemas";
import { ref } from "./components";
import type { DocumentExtras } from "./document";
import type { JsonSchema } from "./flow-schemas";

const OPENAI_ERROR: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["message", "type", "param", "code"],
      properties: {
        message: { type: "string" },
        type: { type: "string", examples: ["invalid_request_error", "authentication_error"] },
        param: { type: ["string", "null"] },
        code: { type: ["string", "null"], examples: ["model_not_found", "invalid_api_key"] },
      },
    },
  },
};

const USAGE: JsonSchema = {
  type: "object",
  required: ["prompt_tokens", "completion_tokens", "total_tokens"],
  properties: {
    prompt_tokens: { type: "integer" },
    completion_tokens: { type: "integer" },
    total_tokens: { type: "integer" },
  },
};

function errors(statuses: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(statuses).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: ref("schemas", "OpenAIError") } } },
    ]),
  );
}

function chatRequest(models: string[]): JsonSchema {
  return {
    type: "object",
    required: ["model", "messages"],
    properties: {
      model: { type: "string", enum: models, description: "An endpoint slug with a chat input." },
      messages: {
        type: "array",
        minItems: 1,
        maxItems: MAX_CHAT_MESSAGES,
        items: {
          type: "object",
          required: ["role", "content"],
          properties: {
            role: { enum: ["system", "developer", "user", "assistant", "tool"] },
            content: { type: ["string", "array", "null"], description: "Text, or text parts." },
          },
        },
      },
      stream: { type: "boolean", default: false },
      stream_options: { type: "object", properties: { include_usage: { type: "boolean" } } },
    },
  };
}

const completion: JsonSchema = {
  type: "object",
  required: ["id", "object", "created", "model", "choices", "usage"],
  properties: {
    id: { type: "string" },
    object: { const: "chat.completion" },
    created: { type: "integer" },
    model: { type: "string" },
    choices: {
      type: "array",
      items: {
        type: "object",
        properties: {
          index: { type: "integer" },
          message: {
            type: "object",
            properties: { role: { const: "assistant" }, content: { type: "string" } },
          },
          finish_reason: { type: "string" },
        },
      },
    },
    usage: ref("schemas", "OpenAIUsage"),
  },
};

/**
 * The OpenAI-compatible API as extra paths of the combined document: chat completions over the
 * endpoints with a chat input (`model` is their slug) and the model list.
 */
export function openAiExtras(chatModels: string[]): DocumentExtras {
  return {
    schemas: { OpenAIError: OPENAI_ERROR, OpenAIUsage: USAGE },
    paths: {
      "/api/v1/chat/completions": {
        post: {
          operationId: "create_chat_completion",
          summary: "Chat completion (OpenAI-compatible)",
          description:
            "Runs the chat endpoint named by `model` with `messages` as its input; the Output " +
            "node's text is the assistant message and the run's tokens the usage. `stream: true` " +
            "answers `chat.completion.chunk` events ending with `data: [DONE]`.",
          tags: ["OpenAI-compatible"],
          requestBody: {
            required: true,
            content: { "application/json": { schema: chatRequest(chatModels) } },
          },
          responses: {
            "200": {
              description: "The completion, or its chunks as Server-Sent Events when streaming.",
              content: {
                "application/json": { schema: completion },
                "text/event-stream": { schema: { type: "string" } },
              },
            },
            ...errors({
              "400": "Invalid messages, or input the flow refuses.",
              "401": "No, an unknown or a revoked API key.",
              "404": "No chat endpoint by that name for this key.",
              "429": "The key is over its rate limit (Retry-After).",
              "503": "The endpoint is paused (Retry-After).",
            }),
          },
        },
      },
      "/api/v1/models": {
        get: {
          operationId: "list_models",
          summary: "Chat endpoints this key may call (OpenAI-compatible)",
          tags: ["OpenAI-compatible"],
          responses: {
            "200": {
              description:
                '`{ object: "list", data: [{ id, object: "model", created, owned_by }] }`.',
              content: { "application/json": { schema: { type: "object" } } },
            },
            ...errors({ "401": "No, an unknown or a revoked API key." }),
          },
        },
      },
    },
  };
}
