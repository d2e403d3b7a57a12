import { describe, expect, it } from "vitest";
import { cascadeNode } from "./cascade.node";
import { fakePrompts, type ScriptedAnswer } from "./testing/model-fakes";
import { runWithModel } from "./testing/run-single";

const cheap = { connection: "main", model: "mini" };
const strong = { connection: "main", model: "large" };
const config = {
  prompt: { kind: "inline", template: "Summarise: {{ text }}" },
  cheap,
  strong,
  judge: {
    model: { connection: "main", model: "judge" },
    criteria: "Mentions the refund amount.",
    threshold: 0.7,
  },
};
const usage = (n: number) => ({ inputTokens: n, outputTokens: n, cachedTokens: 0 });
const answer = (text: string, n: number, costUsd: number) => ({ text, usage: usage(n), costUsd });

const cascade = (script: ScriptedAnswer[], overrides: object = {}, prompts = fakePrompts({})) =>
  runWithModel(cascadeNode, { ...config, ...overrides }, { text: "Refund of 40 EUR" }, script, {
    prompts,
  });

describe("cascade node", () => {
  it("keeps the cheap answer when the judge passes it, and sums both calls", async () => {
    const { outputs, trace, calls, tokens } = await cascade([
      answer("Refund: 40 EUR", 10, 0.001),
      answer('{"pass":true,"score":0.9,"reason":"Has the amount"}', 20, 0.002),
    ]);
    expect(outputs).toEqual({
      out: {
        text: "Refund: 40 EUR",
        tier: "cheap",
        judge: { pass: true, score: 0.9, reason: "Has the amount" },
      },
    });
    expect(calls.map((c) => [c.request.model.model, c.options.idempotencyKey])).toEqual([
      ["mini", "run:n:1:cheap"],
      ["judge", "run:n:1:judge"],
    ]);
    const judgeRequest = calls[1]!.request;
    expect(judgeRequest.jsonSchema).toMatchObject({ required: ["pass", "score", "reason"] });
    expect(judgeRequest.messages[0]!.content).toContain("Mentions the refund amount.");
    expect(judgeRequest.messages[1]!.content).toBe(
      "Request:\nSummarise: Refund of 40 EUR\n\nAnswer:\nRefund: 40 EUR",
    );
    expect(trace).toEqual({
      renderedPrompt: "Summarise: Refund of 40 EUR",
      provider: "fake",
      model: "mini",
      tier: "cheap",
      usage: usage(30),
      costUsd: 0.003,
      costSavedUsd: 0,
      cacheHit: false,
    });
    expect(tokens).toEqual(["Refund: 40 EUR"]);
  });

  it("escalates to the strong model when the judge fails the answer", async () => {
    const { outputs, trace, calls } = await cascade([
      answer("A refund", 10, 0.001),
      answer('{"pass":false,"score":0.2,"reason":"No amount"}', 20, 0.002),
      answer("A refund of 40 EUR", 40, 0.02),
    ]);
    expect(outputs).toEqual({
      out: {
        text: "A refund of 40 EUR",
        tier: "strong",
        judge: { pass: false, score: 0.2, reason: "No amount" },
      },
    });
    expect(calls[2]!.request).toMatchObject({
      model: strong,
      messages: [{ role: "user", content: "Summarise: Refund of 40 EUR" }],
    });
    expect(calls[2]!.options.idempotencyKey).toBe("run:n:1:strong");
    expect(trace).toMatchObject({ model: "large", tier: "strong", usage: usage(70) });
    expect(trace?.costUsd).toBeCloseTo(0.023, 10);
  });

  it("escalates when the judge passes with a score under the threshold", async () => {
    const { outputs } = await cascade([
      "meh",
      '{"pass":true,"score":0.69,"reason":"Borderline"}',
      "better",
    ]);
    expect(outputs?.out).toMatchObject({ text: "better", tier: "strong" });
  });

  it("escalates when the judge's answer is not the JSON it asked for", async () => {
    const { outputs } = await cascade(["meh", "Looks fine to me!", "better"]);
    expect(outputs?.out).toMatchObject({
      text: "better",
      tier: "strong",
      judge: { pass: false, score: 0 },
    });
    expect((outputs?.out as { judge: { reason: string } }).judge.reason).toContain("not the JSON");
  });

  it("fails with the spend so far when the strong model fails", async () => {
    const { result, trace } = await cascade([
      answer("meh", 10, 0.001),
      answer('{"pass":false,"score":0,"reason":"x"}', 10, 0.001),
      { error: { code: "rate_limited" } },
    ]);
    expect(result.error).toMatchObject({ code: "rate_limited", nodeId: "n" });
    expect(trace).toMatchObject({
      usage: usage(20),
      costUsd: 0.002,
      renderedPrompt: "Summarise: Refund of 40 EUR",
    });
    expect(trace?.tier).toBeUndefined();
  });

  it("uses a managed prompt and records its version", async () => {
    const prompts = fakePrompts({
      "summary#2": { template: "Short: {{ text }}", versionId: "pv_2", version: 2 },
    });
    const { calls, trace } = await cascade(
      ["ok", '{"pass":true,"score":1,"reason":"fine"}'],
      { prompt: { kind: "managed", name: "summary", version: 2 } },
      prompts,
    );
    expect(calls[0]!.request.messages).toEqual([
      { role: "user", content: "Short: Refund of 40 EUR" },
    ]);
    expect(trace?.promptVersionId).toBe("pv_2");
  });
});
