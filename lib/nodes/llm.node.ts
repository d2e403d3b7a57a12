import { z } from "zod";
import type { LlmRequest } from "@/lib/engine/context";
import { defineNode, type NodeTrace } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import { modelRefSchema } from "@/lib/engine/graph";
import { parseJsonAnswer } from "./shared/json-output";
import { jsonSchemaField } from "./shared/json-schema";
import { callModel, responseTrace, withTrace } from "./shared/model-call";
import { modelField, parametersSchema, promptSchema, renderPrompt } from "./shared/model-config";

const configSchema = z
  .strictObject({
    prompt: promptSchema,
    model: modelField("Model", "Optional when the managed prompt brings one.").optional(),
    parameters: parametersSchema,
    jsonSchema: jsonSchemaField.optional().meta({
      title: "Output JSON schema",
      description: "Structured output: the answer must be JSON matching this schema.",
    }),
    fallbackModels: z.array(modelRefSchema).max(5).default([]).meta({
      title: "Fallback models",
      description: "Tried in order when the model fails with a retryable error.",
    }),
    cacheTtlSeconds: z
      .int()
      .min(0)
      .max(30 * 86_400)
      .default(0)
      .meta({
        title: "Cache (seconds)",
        description: "Reuse an identical earlier answer for this long; 0 turns caching off.",
      }),
  })
  .superRefine((config, ctx) => {
    if (config.prompt.kind === "inline" && !config.model) {
      ctx.addIssue({
        code: "custom",
        path: ["model"],
        message: "Choose a model: an inline prompt brings none",
      });
    }
  });
/** The LLM node's configuration. */
export type LlmConfig = z.infer<typeof configSchema>;

/** Calls a model with a templated or managed prompt; optional structured output and fallbacks. */
export const llmNode = defineNode<LlmConfig>({
  type: "llm",
  version: 1,
  ui: {
    label: "LLM",
    category: "model",
    icon: "sparkles",
    description: "Calls a model with a prompt template or a managed prompt.",
  },
  config: configSchema,
  ports: (config) => ({
    inputs: [{ name: "in", type: "any", label: "Input" }],
    outputs: [{ name: "out", type: config.jsonSchema ? "json" : "text", label: "Answer" }],
  }),
  async execute({ config, inputs }, ctx) {
    const prompt = await renderPrompt(config.prompt, inputs.in, ctx);
    const model = config.model ?? prompt.model;
    if (!model) {
      throw new NodeError(
        "The managed prompt names no model and the node sets none",
        "missing_model",
        { retryable: false },
      );
    }
    const base: NodeTrace = prompt.trace;
    const request: Omit<LlmRequest, "model"> = {
      messages: prompt.messages,
      parameters: { ...prompt.parameters, ...config.parameters },
    };
    if (config.jsonSchema) request.jsonSchema = config.jsonSchema;
    if (config.cacheTtlSeconds > 0) request.cacheTtlSeconds = config.cacheTtlSeconds;
    let answer;
    try {
      answer = await callModel(ctx, [model, ...config.fallbackModels], request, {
        onToken: (token) => ctx.emitToken(token),
      });
    } catch (error) {
      throw withTrace(error, base);
    }
    const trace: NodeTrace = { ...base, ...responseTrace(answer.response, answer.tier) };
    const out = config.jsonSchema
      ? parseJsonAnswer(answer.response.text, config.jsonSchema, trace)
      : answer.response.text;
    return { outputs: { out }, trace };
  },
});
