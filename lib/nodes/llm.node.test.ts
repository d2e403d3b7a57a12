import { describe, expect, it } from "vitest";
import type { NodePolicy } from "@/lib/engine/graph";
import type { PromptsPort } from "@/lib/engine/context";
import { llmNode } from "./llm.node";
import { fakePrompts, type ScriptedAnswer } from "./testing/model-fakes";
import { runWithModel } from "./testing/run-single";

const gpt = { connection: "main", model: "gpt-test" };
const inline = (template: string, system?: string) => ({
  kind: "inline",
  template,
  ...(system ? { system } : {}),
});
const run = (
  config: unknown,
  input: unknown,
  script: ScriptedAnswer[],
  extra?: { prompts?: PromptsPort; policy?: NodePolicy },
) => runWithModel(llmNode, config, input, script, extra);

describe("llm node", () => {
  it("renders the template from the input's fields, streams tokens and records the trace", async () => {
    const config = {
      prompt: inline("Answer {{ name }} about {{ input.topic }}", "You help {{ name }}."),
      model: gpt,
      parameters: { temperature: 0.2, maxTokens: 50 },
      cacheTtlSeconds: 60,
    };
    const answer = {
      text: "Hello Ada, here it is",
      cacheHit: true,
      costSavedUsd: 0.5,
      usage: { inputTokens: 7, outputTokens: 5, cachedTokens: 7 },
      costUsd: 0,
    };
    const { result, outputs, trace, tokens, calls } = await run(
      config,
      { name: "Ada", topic: "looms" },
      [answer],
    );
    expect(result.status).toBe("succeeded");
    expect(outputs).toEqual({ out: "Hello Ada, here it is" });
    expect(tokens.join("")).toBe("Hello Ada, here it is");
    expect(tokens.length).toBeGreaterThan(1);
    expect(calls[0]!.request).toEqual({
      model: gpt,
      messages: [
        { role: "system", content: "You help Ada." },
        { role: "user", content: "Answer Ada about looms" },
      ],
      parameters: { temperature: 0.2, maxTokens: 50 },
      cacheTtlSeconds: 60,
    });
    expect(calls[0]!.options.idempotencyKey).toBe("run:n:1");
    expect(trace).toEqual({
      renderedPrompt: "[system]\nYou help Ada.\n\n[user]\nAnswer Ada about looms",
      provider: "fake",
      model: "gpt-test",
      tier: "primary",
      usage: { inputTokens: 7, outputTokens: 5, cachedTokens: 7 },
      costUsd: 0,
      cacheHit: true,
      costSavedUsd: 0.5,
    });
  });

  it("resolves a managed prompt by label with its model, and a pinned version with the node's model", async () => {
    const prompts = fakePrompts({
      "greet@production": {
        template: "Hi {{ name }}",
        versionId: "pv_7",
        version: 7,
        model: { connection: "main", model: "from-prompt" },
      },
      "greet#3": { template: "Hey {{ name }}", versionId: "pv_3", version: 3 },
    });
    const byLabel = await run(
      { prompt: { kind: "managed", name: "greet", label: "production" } },
      { name: "Bo" },
      ["ok"],
      { prompts },
    );
    expect(byLabel.calls[0]!.request.model.model).toBe("from-prompt");
    expect(byLabel.calls[0]!.request.messages).toEqual([{ role: "user", content: "Hi Bo" }]);
    expect(byLabel.trace).toMatchObject({
      promptVersionId: "pv_7",
      renderedPrompt: "Hi Bo",
      model: "from-prompt",
    });

    const pinned = await run(
      { prompt: { kind: "managed", name: "greet", version: 3 }, model: gpt },
      { name: "Cy" },
      ["ok"],
      { prompts },
    );
    expect(pinned.calls[0]!.request).toMatchObject({
      model: gpt,
      messages: [{ role: "user", content: "Hey Cy" }],
    });
    expect(pinned.trace?.promptVersionId).toBe("pv_3");

    const noModel = await run(
      { prompt: { kind: "managed", name: "greet", version: 3 } },
      {},
      ["unused"],
      { prompts },
    );
    expect(noModel.result.error).toMatchObject({ code: "missing_model", nodeId: "n" });
    expect(noModel.calls).toHaveLength(0);
  });

  it("sends a managed prompt's parameters, each overridden by the node's own", async () => {
    const prompts = fakePrompts({
      "greet@production": {
        template: "Hi",
        versionId: "pv_1",
        version: 1,
        model: gpt,
        parameters: { temperature: 0.2, maxTokens: 50 },
      },
    });
    const prompt = { kind: "managed", name: "greet", label: "production" } as const;
    const fromPrompt = await run({ prompt }, {}, ["ok"], { prompts });
    expect(fromPrompt.calls[0]!.request.parameters).toEqual({ temperature: 0.2, maxTokens: 50 });
    const overridden = await run({ prompt, parameters: { temperature: 0.9 } }, {}, ["ok"], {
      prompts,
    });
    expect(overridden.calls[0]!.request.parameters).toEqual({ temperature: 0.9, maxTokens: 50 });
  });

  it("refuses an inline prompt without a model and a JSON schema Ajv cannot compile", async () => {
    const missing = await run({ prompt: inline("x") }, {}, []);
    expect(missing.result.error).toMatchObject({
      code: "invalid_config",
      message: expect.stringContaining("model"),
    });
    const broken = await run(
      { prompt: inline("x"), model: gpt, jsonSchema: { type: "nonsense" } },
      {},
      [],
    );
    expect(broken.result.error).toMatchObject({
      code: "invalid_config",
      message: expect.stringContaining("JSON schema"),
    });
  });

  describe("chat input", () => {
    const history = [
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello!" },
    ];

    it("sends the history, then the rendered template as the next user turn", async () => {
      const { calls } = await run(
        { prompt: inline("Now answer in {{ lang }}", "Be brief."), model: gpt },
        { messages: history, lang: "French" },
        ["ok"],
      );
      expect(calls[0]!.request.messages).toEqual([
        { role: "system", content: "Be brief." },
        ...history,
        { role: "user", content: "Now answer in French" },
      ]);
    });

    it("takes an input that is itself a list of messages as the history", async () => {
      const { calls } = await run({ prompt: inline("Go on"), model: gpt }, history, ["ok"]);
      expect(calls[0]!.request.messages).toEqual([...history, { role: "user", content: "Go on" }]);
      const plain = await run({ prompt: inline("{{ input[0] }}"), model: gpt }, ["a", "b"], ["ok"]);
      expect(plain.calls[0]!.request.messages).toEqual([{ role: "user", content: "a" }]);
    });

    it("adds no user turn when the template renders blank", async () => {
      const { calls } = await run(
        { prompt: inline("{{ extra }}"), model: gpt },
        { messages: history },
        ["ok"],
      );
      expect(calls[0]!.request.messages).toEqual(history);
    });

    it("rejects a malformed history without calling the model", async () => {
      const { result, calls } = await run(
        { prompt: inline("x"), model: gpt },
        { messages: [{ role: "wizard", content: 1 }] },
        ["unused"],
      );
      expect(result.error).toMatchObject({ code: "invalid_messages" });
      expect(calls).toHaveLength(0);
    });
  });

  it("cannot read prototypes from a template", async () => {
    const { calls } = await run(
      {
        prompt: inline("[{{ input.constructor }}][{{ name.constructor.name }}][{{ __proto__ }}]"),
        model: gpt,
      },
      { name: "x" },
      ["ok"],
    );
    expect(calls[0]!.request.messages[0]!.content).toBe("[][][]");
  });
});
