import type { ValidateFunction } from "ajv/dist/2020";
import { z } from "zod";
import { defineNode } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import type { NodePorts } from "@/lib/engine/ports";
import {
  compileSchema,
  jsonSchemaField,
  schemaIssues,
  type SchemaIssue,
} from "./shared/json-schema";

/** The schema a new Input node starts with: any object. */
export const DEFAULT_INPUT_SCHEMA = { type: "object", additionalProperties: true } as const;

/** Input node settings. */
export const inputConfigSchema = z.strictObject({
  mode: z.enum(["json", "chat"]).default("json").meta({
    title: "Mode",
    description: "JSON: any document. Chat: { messages: [{ role, content }] }",
  }),
  schema: jsonSchemaField
    .default({ ...DEFAULT_INPUT_SCHEMA })
    .meta({ title: "Input schema", description: "JSON schema (2020-12) the run input must match" }),
});
/** Parsed Input node settings. */
export type InputConfig = z.infer<typeof inputConfigSchema>;

const chatInputSchema = z.object({
  messages: z
    .array(
      z.strictObject({
        role: z.enum(["system", "user", "assistant", "tool"]),
        content: z.string(),
      }),
    )
    .min(1)
    .max(1_000),
});

const CHAT_JSON_SCHEMA = {
  type: "object",
  required: ["messages"],
  properties: {
    messages: {
      type: "array",
      minItems: 1,
      maxItems: 1_000,
      items: {
        type: "object",
        required: ["role", "content"],
        additionalProperties: false,
        properties: {
          role: { enum: ["system", "user", "assistant", "tool"] },
          content: { type: "string" },
        },
      },
    },
  },
};

/** The JSON schema a run input must match (the endpoint's request schema). */
export function inputJsonSchema(config: InputConfig): Record<string, unknown> {
  if (config.mode === "json") return config.schema;
  return { allOf: [CHAT_JSON_SCHEMA, config.schema] };
}

const validators = new WeakMap<InputConfig, ValidateFunction>();

/** Checks a run input against the Input node's settings; [] when it is acceptable. */
export function validateRunInput(config: InputConfig, input: unknown): SchemaIssue[] {
  let validate = validators.get(config);
  if (!validate) {
    validate = compileSchema(config.schema);
    validators.set(config, validate);
  }
  const issues = schemaIssues(validate, input);
  if (config.mode === "chat") {
    const chat = chatInputSchema.safeParse(input);
    if (!chat.success) {
      for (const issue of chat.error.issues.slice(0, 20)) {
        issues.push({
          path: issue.path.map((p) => `/${String(p)}`).join(""),
          message: issue.message,
        });
      }
    }
  }
  return issues;
}

const JSON_PORTS: NodePorts = {
  inputs: [],
  outputs: [{ name: "out", type: "json", label: "Input" }],
};
const CHAT_PORTS: NodePorts = {
  inputs: [],
  outputs: [
    { name: "out", type: "json", label: "Input" },
    { name: "messages", type: "messages", label: "Messages" },
    { name: "text", type: "text", label: "Last user message" },
  ],
};

/** The flow's entry: validates the run input and hands it on. */
export const inputNode = defineNode({
  type: "input",
  version: 1,
  ui: {
    label: "Input",
    category: "io",
    icon: "log-in",
    description: "The flow's input; its schema becomes the endpoint's request schema",
  },
  config: inputConfigSchema,
  ports: (config) => (config.mode === "chat" ? CHAT_PORTS : JSON_PORTS),
  capabilities: { entry: true, pure: true },
  async execute({ config, inputs }) {
    const input = inputs.input;
    let issues: SchemaIssue[];
    try {
      issues = validateRunInput(config, input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new NodeError(`The input schema cannot be used: ${reason}`, "invalid_schema", {
        retryable: false,
      });
    }
    if (issues.length > 0) {
      const first = issues[0]!;
      throw new NodeError(
        `Input does not match the schema: ${first.path || "/"} ${first.message}`,
        "invalid_input",
        { retryable: false, details: { errors: issues } },
      );
    }
    if (config.mode === "json") return { outputs: { out: input } };
    const { messages } = chatInputSchema.parse(input);
    const lastUser = messages.findLast((m) => m.role === "user");
    return { outputs: { out: input, messages, text: lastUser?.content ?? "" } };
  },
});
