import { z } from "zod";
import type { LlmRequest, LlmResponse } from "@/lib/engine/context";
import { defineNode, type NodeTrace } from "@/lib/engine/define-node";
import type { ModelRef } from "@/lib/engine/graph";
import { JUDGE_JSON_SCHEMA, parseJudgeAnswer, type JudgeAnswer } from "./shared/llm-judge";
import { callModel, sumResponses, withTrace } from "./shared/model-call";
import { modelField, parametersSchema, promptSchema, renderPrompt } from "./shared/model-config";

const configSchema = z.strictObject({
  prompt: promptSchema,
  cheap: modelField("Cheap model", "Answers first."),
  strong: modelField("Strong model", "Answers only when the judge rejects the cheap answer."),
  judge: z
    .strictObject({
      model: modelField("Judge model", "Scores the cheap answer."),
      criteria: z
        .string()
        .min(1)
        .max(10_000)
        .meta({ title: "Criteria", description: "What a good answer does." }),
      threshold: z
        .number()
        .min(0)
        .max(1)
        .default(0.7)
        .meta({ title: "Pass score", description: "Lowest score that keeps the cheap answer." }),
    })
    .meta({ title: "Judge", description: "Decides whether to escalate." }),
  parameters: parametersSchema,
});
/** The Cascade node's configuration. */
export type CascadeConfig = z.infer<typeof configSchema>;

const judgeSystem = (criteria: string) =>
  `You judge whether an answer to a request meets these criteria:\n${criteria}\n\n` +
  'Answer only with JSON: {"pass": <true or false>, "score": <number from 0 to 1>, "reason": "<one sentence>"}.';

/** Usage and cost of every call so far, with the answering call's provider, model and tier. */
function cascadeTrace(
  base: NodeTrace,
  responses: LlmResponse[],
  answered?: { response: LlmResponse; tier: string },
): NodeTrace {
  const who = answered
    ? { provider: answered.response.provider, model: answered.response.model, tier: answered.tier }
    : {};
  return { ...base, ...who, ...sumResponses(responses) };
}

/**
 * Runs the cheap model, has the judge score its answer and escalates to the strong model
 * only when the judge fails it. A judge answer that is not the JSON asked for counts as a
 * failing verdict (escalation is the safe side); the judge's JSON is read leniently
 * (see `parseJudgeAnswer`). Tokens are not streamed while the answer
 * may still be discarded: the chosen answer is emitted once, whole.
 */
export const cascadeNode = defineNode<CascadeConfig>({
  type: "cascade",
  version: 1,
  ui: {
    label: "Cascade",
    category: "model",
    icon: "layers",
    description: "Cheap model first; a judge escalates to a strong model when needed.",
  },
  config: configSchema,
  ports: {
    inputs: [{ name: "in", type: "any", label: "Input" }],
    outputs: [{ name: "out", type: "json", label: "Answer" }],
  },
  async execute({ config, inputs }, ctx) {
    const prompt = await renderPrompt(config.prompt, inputs.in, ctx);
    const base: NodeTrace = prompt.trace;
    const responses: LlmResponse[] = [];
    const call = async (key: string, model: ModelRef, request: Omit<LlmRequest, "model">) => {
      try {
        const { response } = await callModel(ctx, [model], request, { key });
        responses.push(response);
        return response;
      } catch (error) {
        throw withTrace(error, cascadeTrace(base, responses));
      }
    };
    const request = {
      messages: prompt.messages,
      parameters: { ...prompt.parameters, ...config.parameters },
    };
    const cheap = await call("cheap", config.cheap, request);
    const judged = await call("judge", config.judge.model, {
      messages: [
        { role: "system", content: judgeSystem(config.judge.criteria) },
        { role: "user", content: `Request:\n${base.renderedPrompt}\n\nAnswer:\n${cheap.text}` },
      ],
      jsonSchema: { ...JUDGE_JSON_SCHEMA },
    });
    const judge: JudgeAnswer = parseJudgeAnswer(judged.text) ?? {
      pass: false,
      score: 0,
      reason: "The judge's answer was not the JSON asked for",
    };
    const keep = judge.pass && judge.score >= config.judge.threshold;
    const tier = keep ? "cheap" : "strong";
    const response = keep ? cheap : await call("strong", config.strong, request);
    ctx.emitToken(response.text);
    return {
      outputs: { out: { text: response.text, tier, judge } },
      trace: cascadeTrace(base, responses, { response, tier }),
    };
  },
});
