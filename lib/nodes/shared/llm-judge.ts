import { z } from "zod";
import type { LlmResponse, NodeContext } from "@/lib/engine/context";
import type { NodeTrace } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import type { ModelRef } from "@/lib/engine/graph";

/** The structured answer a judge model must give. */
export const JUDGE_JSON_SCHEMA = {
  type: "object",
  required: ["pass", "score", "reason"],
  additionalProperties: false,
  properties: {
    pass: { type: "boolean" },
    score: { type: "number", minimum: 0, maximum: 1 },
    reason: { type: "string" },
  },
} as const;

const SYSTEM_PROMPT =
  "You are a strict evaluator. Judge the content against the criteria. " +
  'Answer only with JSON: {"pass": boolean, "score": number from 0 (fails) to 1 (fully meets), "reason": string}.';

const answerSchema = z.object({
  pass: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
  score: z
    .union([z.number(), z.string().trim().min(1).transform(Number)])
    .refine(Number.isFinite)
    .optional(),
  reason: z.string().catch(""),
});

/** A judge's parsed answer. */
export interface JudgeAnswer {
  pass: boolean;
  score: number;
  reason: string;
}

/** Reads a judge answer from model text (code fences and chatter around the JSON tolerated); null when absent. */
export function parseJudgeAnswer(text: string): JudgeAnswer | null {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start === -1 || end <= start) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { pass, score = pass ? 1 : 0, reason } = parsed.data;
  return { pass, score: Math.min(1, Math.max(0, score)), reason: reason.slice(0, 2_000) };
}

/** What to judge, by which model, against which criteria. */
export interface JudgeRequest {
  model: ModelRef;
  criteria: string;
  content: string;
  /** Pass when the score reaches it; absent: the model's own pass/fail decides. */
  threshold?: number;
}

/** A verdict with the model call that produced it. */
export interface JudgeVerdict extends JudgeAnswer {
  passed: boolean;
  prompt: string;
  response: LlmResponse;
}

/** The trace of one model call (usage, cost, model). */
export function traceOf(response: LlmResponse, renderedPrompt?: string): NodeTrace {
  return {
    renderedPrompt,
    provider: response.provider,
    model: response.model,
    usage: { ...response.usage },
    costUsd: response.costUsd,
    costSavedUsd: response.costSavedUsd,
    cacheHit: response.cacheHit,
  };
}

/** Sums the usage and cost of two traces (model and provider of the later one). */
export function addTraces(a: NodeTrace | undefined, b: NodeTrace): NodeTrace {
  if (!a) return b;
  const usage = (t: NodeTrace) => t.usage ?? { inputTokens: 0, outputTokens: 0, cachedTokens: 0 };
  return {
    ...b,
    renderedPrompt:
      [a.renderedPrompt, b.renderedPrompt].filter(Boolean).join("\n---\n") || undefined,
    usage: {
      inputTokens: usage(a).inputTokens + usage(b).inputTokens,
      outputTokens: usage(a).outputTokens + usage(b).outputTokens,
      cachedTokens: usage(a).cachedTokens + usage(b).cachedTokens,
    },
    costUsd: (a.costUsd ?? 0) + (b.costUsd ?? 0),
    costSavedUsd: (a.costSavedUsd ?? 0) + (b.costSavedUsd ?? 0) || undefined,
    cacheHit: a.cacheHit === true && b.cacheHit === true ? true : undefined,
  };
}

/**
 * Asks a model to judge content against criteria with a JSON-schema answer. An answer that
 * cannot be read throws NodeError "judge_invalid_response" (retryable; its trace in details).
 */
export async function judgeContent(
  request: JudgeRequest,
  ctx: NodeContext,
  idempotencyKey: string,
): Promise<JudgeVerdict> {
  const prompt = `Criteria:\n${request.criteria}\n\nContent:\n${request.content}`;
  const response = await ctx.llm.complete(
    {
      model: request.model,
      messages: [
        { role: "system", content: SYSTEM_PROMPT },
        { role: "user", content: prompt },
      ],
      parameters: { temperature: 0 },
      jsonSchema: JUDGE_JSON_SCHEMA as unknown as Record<string, unknown>,
    },
    { signal: ctx.signal, idempotencyKey },
  );
  const answer = parseJudgeAnswer(response.text);
  if (!answer) {
    throw new NodeError(
      "The judge model did not answer with the expected JSON",
      "judge_invalid_response",
      {
        retryable: true,
        details: { trace: traceOf(response, prompt) },
      },
    );
  }
  const passed = request.threshold === undefined ? answer.pass : answer.score >= request.threshold;
  return { ...answer, passed, prompt, response };
}
