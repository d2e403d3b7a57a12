import { z } from "zod";
import { defineNode, type NodeTrace } from "@/lib/engine/define-node";
import {
  deterministicCheckSchemas,
  llmJudgeCheckSchema,
  runDeterministicCheck,
  textOf,
  type CheckResult,
} from "./shared/guard-checks";
import { addTraces, judgeContent, traceOf } from "./shared/llm-judge";

/** Validator settings: the checks, all of which must pass. */
export const validatorConfigSchema = z.strictObject({
  checks: z
    .array(z.discriminatedUnion("kind", [...deterministicCheckSchemas, llmJudgeCheckSchema]))
    .min(1)
    .max(50)
    .meta({
      title: "Checks",
      description:
        "JSON schema, regex, required/forbidden terms, PII or an LLM judge; all must pass",
    }),
});

/** A guardrail: runs its checks over the input and emits on `pass` or `fail`. */
export const validatorNode = defineNode({
  type: "validator",
  version: 1,
  ui: {
    label: "Validator",
    category: "guardrail",
    icon: "shield-check",
    description:
      "Checks a value (schema, regex, terms, PII, LLM judge) and routes it to pass or fail",
  },
  config: validatorConfigSchema,
  ports: {
    inputs: [{ name: "in", type: "any", label: "Value" }],
    outputs: [
      { name: "pass", type: "json", label: "Pass" },
      { name: "fail", type: "json", label: "Fail" },
    ],
  },
  capabilities: { branches: true },
  async execute({ config, inputs }, ctx) {
    const value = inputs.in;
    const results: CheckResult[] = [];
    let trace: NodeTrace | undefined;
    for (const [index, check] of config.checks.entries()) {
      if (check.kind !== "llm_judge") {
        results.push(runDeterministicCheck(check, value));
        continue;
      }
      const verdict = await judgeContent(
        {
          model: check.model,
          criteria: check.criteria,
          content: textOf(value),
          threshold: check.threshold,
        },
        ctx,
        `${ctx.idempotencyKey}:judge:${index}`,
      );
      trace = addTraces(trace, traceOf(verdict.response, verdict.prompt));
      results.push({
        kind: "llm_judge",
        passed: verdict.passed,
        detail: `score ${verdict.score}${verdict.reason ? `: ${verdict.reason}` : ""}`,
      });
    }
    const port = results.every((r) => r.passed) ? "pass" : "fail";
    return { outputs: { [port]: { value, results } }, trace };
  },
});
