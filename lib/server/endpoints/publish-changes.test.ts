import { describe, expect, it } from "vitest";
import { testLlm, testNode } from "@/test/graph";
import { governedChanges } from "./publish-changes";

const graph = (...nodes: ReturnType<typeof testNode>[]) => ({ nodes, edges: [] });
const managed = (id: string, prompt: Record<string, unknown>) =>
  testNode(id, "llm", { prompt: { kind: "managed", ...prompt } });

describe("governedChanges", () => {
  it("finds nothing when only text, positions or non-model nodes change", () => {
    const a = graph(testNode("in", "input"), testLlm("llm", "Hello {{x}}"));
    const b = graph(
      testNode("in", "input", { fields: [] }),
      { ...testLlm("llm", "Hi there {{x}}"), position: { x: 10, y: 10 } },
      testNode("t", "template", { template: "x" }),
    );
    expect(governedChanges(a, b)).toEqual([]);
  });

  it("reports a changed model, fallbacks included", () => {
    const a = graph(testLlm("llm", "x"));
    const b = graph(
      testNode("llm", "llm", {
        prompt: { kind: "inline", template: "x" },
        model: { connection: "simulated", model: "sim-large" },
        fallbackModels: [{ connection: "openai", model: "gpt-4o" }],
      }),
    );
    expect(governedChanges(a, b)).toEqual([
      {
        nodeId: "llm",
        nodeLabel: "llm",
        field: "model",
        from: "simulated/sim-small",
        to: "simulated/sim-large, openai/gpt-4o",
      },
    ]);
  });

  it("reports a pinned prompt version or label change, and added or removed model nodes", () => {
    const a = graph(managed("p", { name: "reply", version: 1 }), testLlm("gone", "x"));
    const b = graph(managed("p", { name: "reply", label: "production" }), testLlm("new", "x"));
    expect(governedChanges(a, b)).toEqual([
      { nodeId: "p", nodeLabel: "p", field: "prompt", from: "reply v1", to: "reply (production)" },
      { nodeId: "gone", nodeLabel: "gone", field: "model", from: "simulated/sim-small", to: null },
      { nodeId: "new", nodeLabel: "new", field: "model", from: null, to: "simulated/sim-small" },
    ]);
  });

  it("treats a missing graph as empty", () => {
    expect(governedChanges(null, graph(testLlm("llm", "x")))).toHaveLength(1);
  });
});
