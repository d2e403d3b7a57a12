import { z } from "zod";
import { defineNode, type NodeTrace } from "@/lib/engine/define-node";
import { parseJsonAnswer } from "./shared/json-output";
import { callModel, responseTrace, withTrace } from "./shared/model-call";
import { describePrompt, modelField } from "./shared/model-config";

/** The output port taken below the threshold or for a label the node does not know. */
export const LOW_CONFIDENCE_PORT = "low_confidence";
const RESERVED_PORTS = new Set([LOW_CONFIDENCE_PORT, "error"]);

const labelSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, {
      message: "Start with a letter; use letters, digits, _ and -",
    })
    .refine((name) => !RESERVED_PORTS.has(name), {
      message: "This name is reserved for another port",
    })
    .meta({ title: "Label", description: "Also the name of its output port." }),
  description: z
    .string()
    .max(1_000)
    .default("")
    .meta({ title: "Description", description: "What belongs under this label." }),
});

const configSchema = z.strictObject({
  model: modelField("Model", "The model that classifies."),
  labels: z
    .array(labelSchema)
    .min(2)
    .max(20)
    .refine((labels) => new Set(labels.map((l) => l.name)).size === labels.length, {
      message: "Label names must be unique",
    })
    .meta({ title: "Labels", description: "One output port per label." }),
  instructions: z
    .string()
    .max(10_000)
    .optional()
    .meta({ title: "Instructions", description: "Extra guidance for the model." }),
  threshold: z.number().min(0).max(1).default(0.6).meta({
    title: "Confidence threshold",
    description: "Below it the input goes to the low-confidence port.",
  }),
});
/** The Classifier node's configuration. */
export type ClassifierConfig = z.infer<typeof configSchema>;

// What the answer must look like to be usable at all; an unknown label is routed, not an error.
const ANSWER_SHAPE = {
  type: "object",
  properties: { label: { type: "string" }, confidence: { type: "number", minimum: 0, maximum: 1 } },
  required: ["label", "confidence"],
};

function systemPrompt(config: ClassifierConfig): string {
  const labels = config.labels
    .map((l) => (l.description ? `- ${l.name}: ${l.description}` : `- ${l.name}`))
    .join("\n");
  const extra = config.instructions ? `\n\n${config.instructions}` : "";
  return (
    `Classify the input into exactly one of these labels:\n${labels}${extra}\n\n` +
    'Answer only with JSON: {"label": "<one of the labels>", "confidence": <number from 0 to 1>}.'
  );
}

const asText = (input: unknown) =>
  typeof input === "string" ? input : (JSON.stringify(input, null, 2) ?? "");

/** Classifies its input with a model into named labels; one output port per label plus low confidence. */
export const classifierNode = defineNode<ClassifierConfig>({
  type: "classifier",
  version: 1,
  ui: {
    label: "Classifier",
    category: "model",
    icon: "tags",
    description: "Routes the input by a model's label and confidence.",
  },
  config: configSchema,
  capabilities: { branches: true },
  ports: (config) => ({
    inputs: [{ name: "in", type: "any", label: "Input" }],
    outputs: [
      ...config.labels.map((l) => ({ name: l.name, type: "json" as const, label: l.name })),
      { name: LOW_CONFIDENCE_PORT, type: "json", label: "Low confidence" },
    ],
  }),
  async execute({ config, inputs }, ctx) {
    const input = inputs.in;
    const names = config.labels.map((l) => l.name);
    const system = systemPrompt(config);
    const user = asText(input);
    const base: NodeTrace = { renderedPrompt: describePrompt(system, user) };
    const jsonSchema = {
      type: "object",
      properties: {
        label: { type: "string", enum: names },
        confidence: { type: "number", minimum: 0, maximum: 1 },
      },
      required: ["label", "confidence"],
      additionalProperties: false,
    };
    const messages = [
      { role: "system" as const, content: system },
      { role: "user" as const, content: user },
    ];
    let answer;
    try {
      answer = await callModel(ctx, [config.model], { messages, jsonSchema });
    } catch (error) {
      throw withTrace(error, base);
    }
    const trace: NodeTrace = { ...base, ...responseTrace(answer.response, answer.tier) };
    const { label, confidence } = parseJsonAnswer(answer.response.text, ANSWER_SHAPE, trace) as {
      label: string;
      confidence: number;
    };
    const port =
      names.includes(label) && confidence >= config.threshold ? label : LOW_CONFIDENCE_PORT;
    return { outputs: { [port]: { label, confidence, input } }, trace };
  },
});
