import { describe, expect, it } from "vitest";
import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/engine";
import { diffGraphs } from "./flow-diff";

const node = (id: string, type: string, overrides: Partial<FlowNode> = {}): FlowNode => ({
  id,
  type,
  typeVersion: 1,
  label: id.toUpperCase(),
  config: {},
  policy: {},
  position: { x: 0, y: 0 },
  ...overrides,
});
const edge = (id: string, source: string, target: string, sourcePort = "out"): FlowEdge => ({
  id,
  source,
  sourcePort,
  target,
  targetPort: "in",
});

const base: FlowGraph = {
  nodes: [
    node("in", "input"),
    node("ask", "llm", {
      config: {
        prompt: { kind: "inline", template: "Hi {{ input }}" },
        model: { connection: "simulated", model: "sim-small" },
        temperature: 0.2,
        stop: ["\n"],
      },
      policy: { retries: 2 },
    }),
    node("out", "output"),
  ],
  edges: [edge("e1", "in", "ask"), edge("e2", "ask", "out")],
};
const clone = (): FlowGraph => structuredClone(base);

describe("diffGraphs", () => {
  it("finds nothing between a graph and its copy", () => {
    expect(diffGraphs(base, clone())).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [] },
    });
  });

  it("ignores moved nodes", () => {
    const moved = clone();
    moved.nodes.forEach((n, i) => (n.position = { x: 100 * i + 7, y: -50 }));
    expect(diffGraphs(base, moved).nodes.changed).toEqual([]);
  });

  it("lists added and removed nodes and edges", () => {
    const next = clone();
    next.nodes.push(node("check", "validator", { label: "Guard" }));
    next.nodes = next.nodes.filter((n) => n.id !== "in");
    next.edges = [edge("e2", "ask", "check"), edge("e3", "check", "out", "pass")];
    const diff = diffGraphs(base, next);
    expect(diff.nodes.added).toEqual([{ id: "check", type: "validator", label: "Guard" }]);
    expect(diff.nodes.removed).toEqual([{ id: "in", type: "input", label: "IN" }]);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(["e1", "e2"]);
    expect(diff.edges.added).toEqual(next.edges);
  });

  it("reports nested config and policy changes as dotted paths", () => {
    const next = clone();
    const ask = next.nodes[1]!;
    ask.config = {
      prompt: { kind: "inline", template: "Hello {{ input }}" },
      model: { connection: "simulated", model: "sim-small" },
      stop: ["\n", "END"],
      maxTokens: 200,
    };
    ask.policy = { retries: 3, timeoutMs: 5_000 };
    const [changed] = diffGraphs(base, next).nodes.changed;
    expect(changed).toEqual({
      id: "ask",
      label: "ASK",
      fields: [
        { path: "config.maxTokens", after: 200 },
        { path: "config.prompt.template", before: "Hi {{ input }}", after: "Hello {{ input }}" },
        { path: "config.stop", before: ["\n"], after: ["\n", "END"] },
        { path: "config.temperature", before: 0.2 },
        { path: "policy.retries", before: 2, after: 3 },
        { path: "policy.timeoutMs", after: 5_000 },
      ],
    });
  });

  it("reports type, typeVersion and label changes under the new label", () => {
    const next = clone();
    next.nodes[2] = { ...next.nodes[2]!, type: "template", typeVersion: 2, label: "Reply" };
    expect(diffGraphs(base, next).nodes.changed).toEqual([
      {
        id: "out",
        label: "Reply",
        fields: [
          { path: "type", before: "output", after: "template" },
          { path: "typeVersion", before: 1, after: 2 },
          { path: "label", before: "OUT", after: "Reply" },
        ],
      },
    ]);
  });

  it("treats an edge as its connection: a new id alone is no change, a new port is", () => {
    const renamed = clone();
    renamed.edges[0] = { ...renamed.edges[0]!, id: "other" };
    expect(diffGraphs(base, renamed).edges).toEqual({ added: [], removed: [] });
    const rewired = clone();
    rewired.edges[1] = { ...rewired.edges[1]!, sourcePort: "error" };
    const diff = diffGraphs(base, rewired);
    expect(diff.edges.added).toEqual([rewired.edges[1]]);
    expect(diff.edges.removed).toEqual([base.edges[1]]);
  });

  it("replaces a config value that changes shape instead of walking into it", () => {
    const next = clone();
    next.nodes[1]!.config.prompt = { kind: "managed", name: "greeting", label: "production" };
    const fields = diffGraphs(base, next).nodes.changed[0]!.fields;
    expect(fields.map((f) => f.path)).toEqual([
      "config.prompt.kind",
      "config.prompt.label",
      "config.prompt.name",
      "config.prompt.template",
    ]);
    next.nodes[1]!.config.model = "sim-large";
    const model = diffGraphs(base, next).nodes.changed[0]!.fields.find(
      (f) => f.path === "config.model",
    );
    expect(model).toEqual({
      path: "config.model",
      before: { connection: "simulated", model: "sim-small" },
      after: "sim-large",
    });
  });
});
