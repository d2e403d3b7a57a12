import { describe, expect, it } from "vitest";
import { portsOf } from "@/lib/engine/define-node";
import { classifierNode, type ClassifierConfig } from "./classifier.node";
import type { ScriptedAnswer } from "./testing/model-fakes";
import { runWithModel } from "./testing/run-single";

const config = {
  model: { connection: "main", model: "small" },
  labels: [
    { name: "billing", description: "Invoices, refunds, payment" },
    { name: "technical", description: "Bugs and errors" },
  ],
  instructions: "Tickets in German count too.",
};

const classify = (input: unknown, script: ScriptedAnswer[], overrides: object = {}) =>
  runWithModel(classifierNode, { ...config, ...overrides }, input, script);

describe("classifier node", () => {
  it("has one output port per label plus low_confidence", () => {
    const parsed = classifierNode.config.parse(config) as ClassifierConfig;
    expect(parsed.threshold).toBe(0.6);
    expect(portsOf(classifierNode, parsed).outputs.map((p) => p.name)).toEqual([
      "billing",
      "technical",
      "low_confidence",
    ]);
  });

  it("emits on the label's port only, asking for JSON with an enum of the labels", async () => {
    const { result, outputs, calls, trace } = await classify("My invoice is wrong", [
      '{"label":"billing","confidence":0.93}',
    ]);
    expect(result.status).toBe("succeeded");
    expect(outputs).toEqual({
      billing: { label: "billing", confidence: 0.93, input: "My invoice is wrong" },
    });
    const request = calls[0]!.request;
    expect(request.jsonSchema).toMatchObject({
      properties: { label: { enum: ["billing", "technical"] } },
      required: ["label", "confidence"],
    });
    expect(request.messages[0]!.content).toContain("- billing: Invoices, refunds, payment");
    expect(request.messages[0]!.content).toContain("Tickets in German count too.");
    expect(request.messages[1]).toEqual({ role: "user", content: "My invoice is wrong" });
    expect(trace).toMatchObject({
      tier: "primary",
      model: "small",
      renderedPrompt: expect.stringContaining("[user]\nMy invoice is wrong"),
    });
  });

  it("sends a non-text input as JSON", async () => {
    const { calls, outputs } = await classify({ subject: "Crash" }, [
      '{"label":"technical","confidence":0.7}',
    ]);
    expect(calls[0]!.request.messages[1]!.content).toBe('{\n  "subject": "Crash"\n}');
    expect(outputs).toEqual({
      technical: { label: "technical", confidence: 0.7, input: { subject: "Crash" } },
    });
  });

  it("routes to low_confidence below the threshold, and to the label at the threshold", async () => {
    const below = await classify("hm", ['{"label":"technical","confidence":0.79}'], {
      threshold: 0.8,
    });
    expect(below.outputs).toEqual({
      low_confidence: { label: "technical", confidence: 0.79, input: "hm" },
    });
    const at = await classify("hm", ['{"label":"technical","confidence":0.8}'], { threshold: 0.8 });
    expect(Object.keys(at.outputs ?? {})).toEqual(["technical"]);
  });

  it("routes a label it does not know to low_confidence, however confident", async () => {
    const { outputs } = await classify("hm", ['{"label":"shipping","confidence":0.99}']);
    expect(outputs).toEqual({
      low_confidence: { label: "shipping", confidence: 0.99, input: "hm" },
    });
  });

  it("fails an answer that is not the JSON it asked for", async () => {
    const prose = await classify("x", ["It is billing."]);
    expect(prose.result.error).toMatchObject({ code: "invalid_json_output", nodeId: "n" });
    const noConfidence = await classify("x", ['{"label":"billing"}']);
    expect(noConfidence.result.error?.code).toBe("invalid_json_output");
    const outOfRange = await classify("x", ['{"label":"billing","confidence":7}']);
    expect(outOfRange.result.error?.code).toBe("invalid_json_output");
  });

  it("refuses duplicate, reserved or too few labels", async () => {
    const dup = await classify("x", [], { labels: [{ name: "a" }, { name: "a" }] });
    expect(dup.result.error).toMatchObject({
      code: "invalid_config",
      message: expect.stringContaining("unique"),
    });
    const reserved = await classify("x", [], {
      labels: [{ name: "a" }, { name: "low_confidence" }],
    });
    expect(reserved.result.error?.code).toBe("invalid_config");
    const one = await classify("x", [], { labels: [{ name: "a" }] });
    expect(one.result.error?.code).toBe("invalid_config");
    const unsafe = await classify("x", [], { labels: [{ name: "a" }, { name: "__proto__" }] });
    expect(unsafe.result.error?.code).toBe("invalid_config");
  });
});
