import { z } from "zod";
import type { ChatMessage, LlmParameters, NodeContext, PromptRef } from "@/lib/engine/context";
import { NodeError } from "@/lib/engine/errors";
import type { NodeTrace } from "@/lib/engine/define-node";
import { modelRefSchema, type ModelRef } from "@/lib/engine/graph";
import { renderTemplate } from "./liquid";
import { simulatedKnobsSchema } from "./simulated-knobs";
import { scopeOf } from "./path";

/** A model picker field: connection name + model id. */
export const modelField = (title: string, description: string) =>
  modelRefSchema.meta({ title, description });

/** Sampling parameters an LLM-backed node passes through to the provider. */
export const parametersSchema = z
  .strictObject({
    temperature: z
      .number()
      .min(0)
      .max(2)
      .optional()
      .meta({ title: "Temperature", description: "0 is most deterministic, 2 most random." }),
    maxTokens: z
      .int()
      .min(1)
      .max(32_000)
      .optional()
      .meta({ title: "Max tokens", description: "Upper bound on the answer's length." }),
    topP: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ title: "Top P", description: "Nucleus sampling mass." }),
    stop: z
      .array(z.string().min(1).max(100))
      .max(4)
      .optional()
      .meta({ title: "Stop sequences", description: "The model stops before any of these." }),
    simulated: simulatedKnobsSchema.optional(),
  })
  .default({})
  .meta({ title: "Parameters", description: "Sampling parameters." });

const templateText = z.string().min(1).max(50_000);
const promptName = z.string().min(1).max(200);

/** A prompt written in the node, or a managed prompt by label or pinned version. */
export const promptSchema = z
  .union([
    z.strictObject({
      kind: z.literal("inline"),
      system: z
        .string()
        .max(50_000)
        .optional()
        .meta({ title: "System message", description: "Template for the system message." }),
      template: templateText.meta({
        title: "Prompt",
        description: "Template with {{variables}} from the input.",
      }),
    }),
    z.strictObject({
      kind: z.literal("managed"),
      name: promptName.meta({ title: "Prompt name", description: "A managed prompt." }),
      label: z
        .string()
        .min(1)
        .max(64)
        .meta({ title: "Label", description: "Resolved at run time, e.g. production." }),
    }),
    z.strictObject({
      kind: z.literal("managed"),
      name: promptName.meta({ title: "Prompt name", description: "A managed prompt." }),
      version: z.int().min(1).meta({ title: "Version", description: "A pinned prompt version." }),
    }),
  ])
  .meta({ title: "Prompt", description: "Inline template or a managed prompt." });
/** A prompt config. */
export type PromptConfig = z.infer<typeof promptSchema>;

/** A prompt resolved for one execution. */
interface ResolvedPromptConfig {
  system?: string;
  template: string;
  versionId?: string;
  model?: ModelRef;
  parameters?: LlmParameters;
}

/** Resolves a managed prompt through `ctx.prompts`; inline prompts pass through. */
async function resolvePrompt(
  prompt: PromptConfig,
  ctx: NodeContext,
): Promise<ResolvedPromptConfig> {
  if (prompt.kind === "inline") return { system: prompt.system, template: prompt.template };
  const ref: PromptRef =
    "label" in prompt
      ? { name: prompt.name, label: prompt.label }
      : { name: prompt.name, version: prompt.version };
  const resolved = await ctx.prompts.resolve(ref);
  return {
    template: resolved.template,
    versionId: resolved.versionId,
    model: resolved.model,
    parameters: resolved.parameters,
  };
}

const chatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant", "tool"]),
  content: z.string(),
});

const chatHistorySchema = z.array(chatMessageSchema).max(1_000);

/**
 * The chat history an input carries: its `messages` field (which must then be a valid
 * history, else a non-retryable error), or the input itself when it is an array of messages.
 */
function chatHistory(input: unknown): ChatMessage[] | undefined {
  if (Array.isArray(input)) {
    const parsed = chatHistorySchema.safeParse(input);
    return parsed.success && input.length > 0 ? parsed.data : undefined;
  }
  if (input === null || typeof input !== "object" || !Object.hasOwn(input, "messages")) {
    return undefined;
  }
  const parsed = chatHistorySchema.safeParse((input as { messages: unknown }).messages);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new NodeError(
    `The input's messages are not a chat history (${detail})`,
    "invalid_messages",
    {
      retryable: false,
    },
  );
}

/** How a rendered prompt reads in traces: the system part, if any, labelled. */
export function describePrompt(system: string | undefined, user: string): string {
  return system ? `[system]\n${system}\n\n[user]\n${user}` : user;
}

/**
 * The messages sent: the system message, then the input's chat history (if it has
 * `messages`) followed by the rendered template as the next user turn (left out when it
 * renders blank, so a template may be empty for a pure chat pass-through).
 */
function promptMessages(
  system: string | undefined,
  history: ChatMessage[] | undefined,
  user: string,
): ChatMessage[] {
  const messages: ChatMessage[] = system ? [{ role: "system", content: system }] : [];
  if (history) messages.push(...history);
  if (!history || user.trim() !== "") messages.push({ role: "user", content: user });
  return messages;
}

/** A prompt ready to send: its messages, the model and parameters a managed prompt names, and the trace so far. */
export interface RenderedPrompt {
  messages: ChatMessage[];
  model?: ModelRef;
  parameters?: LlmParameters;
  trace: Pick<NodeTrace, "renderedPrompt" | "promptVersionId">;
}

/** Resolves and renders a prompt with the input's fields (and `input`) as variables. */
export async function renderPrompt(
  prompt: PromptConfig,
  input: unknown,
  ctx: NodeContext,
): Promise<RenderedPrompt> {
  const resolved = await resolvePrompt(prompt, ctx);
  const scope = scopeOf(input);
  const system = resolved.system ? await renderTemplate(resolved.system, scope) : undefined;
  const user = await renderTemplate(resolved.template, scope);
  const trace: RenderedPrompt["trace"] = { renderedPrompt: describePrompt(system, user) };
  if (resolved.versionId) trace.promptVersionId = resolved.versionId;
  return {
    messages: promptMessages(system, chatHistory(input), user),
    model: resolved.model,
    parameters: resolved.parameters,
    trace,
  };
}
