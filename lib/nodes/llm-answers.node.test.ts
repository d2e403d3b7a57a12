import { describe, expect, it } from "vitest";
import { llmNode } from "./llm.node";
import { FAKE_COST_USD, FAKE_USAGE, type ScriptedAnswer } from "./testing/model-fakes";
import { runWithModel } from "./testing/run-single";

const gpt = { connection: "main", model: "gpt-test" };
const inline = (template: string) => ({ kind: "inline", template });
const run = (
  config: unknown,
  input: unknown,
  script: ScriptedAnswer[],
  policy?: { retries: number },
) => runWithModel(llmNode, config, input, script, { policy });

describe("llm node answers", () => {
  describe("structured output", () => {
    const jsonSchema = {
      type: "object",
      properties: { sentiment: { enum: ["positive", "negative"] }, score: { type: "number" } },
      required: ["sentiment", "score"],
      additionalProperties: false,
    };
    const config = { prompt: inline("Rate: {{ input }}"), model: gpt, jsonSchema };

    it("parses the answer (also inside one code fence) and sends the schema", async () => {
      const { outputs, calls } = await run(config, "great", [
        '```json\n{"sentiment":"positive","score":0.9}\n```',
      ]);
      expect(outputs).toEqual({ out: { sentiment: "positive", score: 0.9 } });
      expect(calls[0]!.request.jsonSchema).toEqual(jsonSchema);
    });

    it("fails an answer that is not JSON with a retryable invalid_json_output, and the policy retries it", async () => {
      const failed = await run(config, "great", ["Sure! It is positive."]);
      expect(failed.result.error).toMatchObject({ code: "invalid_json_output", nodeId: "n" });
      expect(failed.trace).toMatchObject({
        usage: FAKE_USAGE,
        costUsd: FAKE_COST_USD,
        renderedPrompt: "Rate: great",
      });

      const retried = await run(
        config,
        "great",
        ["not json", '{"sentiment":"negative","score":0.1}'],
        { retries: 1 },
      );
      expect(retried.result.status).toBe("succeeded");
      expect(retried.outputs).toEqual({ out: { sentiment: "negative", score: 0.1 } });
      expect(retried.calls.map((c) => c.options.idempotencyKey)).toEqual(["run:n:1", "run:n:2"]);
    });

    it("fails JSON that does not match the schema", async () => {
      const { result } = await run(config, "meh", ['{"sentiment":"neutral","score":"high"}']);
      expect(result.error?.code).toBe("invalid_json_output");
      expect(result.error?.message).toMatch(/sentiment|score/);
    });
  });

  describe("fallback models", () => {
    const backup1 = { connection: "backup", model: "b1" };
    const backup2 = { connection: "backup", model: "b2" };
    const config = { prompt: inline("Q"), model: gpt, fallbackModels: [backup1, backup2] };

    it("tries each fallback in order after retryable errors and records the tier that answered", async () => {
      const { outputs, trace, calls } = await run(config, {}, [
        { error: { code: "rate_limited" } },
        { error: { code: "provider_error" } },
        "from b2",
      ]);
      expect(outputs).toEqual({ out: "from b2" });
      expect(calls.map((c) => c.request.model)).toEqual([gpt, backup1, backup2]);
      expect(calls.map((c) => c.options.idempotencyKey)).toEqual([
        "run:n:1",
        "run:n:1:fallback-1",
        "run:n:1:fallback-2",
      ]);
      expect(trace).toMatchObject({ tier: "fallback-2", model: "b2" });
    });

    it("does not fall back on a non-retryable error, and fails with the last error when all fail", async () => {
      const fatal = await run(config, {}, [{ error: { code: "bad_request", retryable: false } }]);
      expect(fatal.result.error).toMatchObject({ code: "bad_request" });
      expect(fatal.calls).toHaveLength(1);
      const all = await run(config, {}, [
        { error: { code: "e1" } },
        { error: { code: "e2" } },
        { error: { code: "e3" } },
      ]);
      expect(all.result.error).toMatchObject({ code: "e3" });
      expect(all.trace).toEqual({ renderedPrompt: "Q" });
    });
  });
});
