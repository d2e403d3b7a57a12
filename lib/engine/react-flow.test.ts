import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineNode } from "./define-node";
import type { FlowGraph, FlowNode } from "./graph";
import { canvasPortsOf, connectionProblem, fromCanvasConnection, toCanvasEdge } from "./react-flow";
import { createRegistry } from "./registry";

const ui = { label: "t", category: "logic", icon: "x", description: "test node" } as const;
const execute = async () => ({ outputs: {} });
const labels = defineNode({
  type: "labels",
  version: 1,
  ui,
  config: z.strictObject({ labels: z.array(z.string().min(1)).min(1) }),
  ports: (config) => ({
    inputs: [{ name: "in", type: "any" }],
    outputs: config.labels.map((name) => ({ name, type: "json" as const })),
  }),
  execute,
});
const registry = createRegistry([
  defineNode({
    type: "json",
    version: 1,
    ui,
    config: z.strictObject({}),
    ports: { inputs: [], outputs: [{ name: "out", type: "json" }] },
    execute,
  }),
  defineNode({
    type: "num",
    version: 1,
    ui,
    config: z.strictObject({}),
    ports: { inputs: [{ name: "in", type: "number" }], outputs: [] },
    execute,
  }),
  defineNode({
    type: "many",
    version: 1,
    ui,
    config: z.strictObject({}),
    ports: { inputs: [{ name: "in", type: "any", multiple: true }], outputs: [] },
    execute,
  }),
  labels,
]);

const node = (id: string, type: string, config: Record<string, unknown> = {}): FlowNode => ({
  id,
  type,
  typeVersion: 1,
  label: id,
  config,
  policy: {},
  position: { x: 0, y: 0 },
});

describe("React Flow mapping", () => {
  it("maps ports to handles and back", () => {
    const edge = { id: "e1", source: "a", sourcePort: "out", target: "b", targetPort: "in" };
    const canvas = toCanvasEdge(edge);
    expect(canvas).toEqual({
      id: "e1",
      source: "a",
      sourceHandle: "out",
      target: "b",
      targetHandle: "in",
    });
    expect(fromCanvasConnection(canvas, "e1")).toEqual(edge);
    expect(fromCanvasConnection({ ...canvas, targetHandle: null }, "e1")).toBeNull();
  });

  it("refuses incompatible ports with a readable reason", () => {
    const graph: FlowGraph = { nodes: [node("a", "json"), node("b", "num")], edges: [] };
    expect(
      connectionProblem(graph, registry, {
        source: "a",
        sourceHandle: "out",
        target: "b",
        targetHandle: "in",
      }),
    ).toBe("Cannot connect json output 'out' to number input 'in'");
  });

  it("refuses a second edge into a single input unless it takes many", () => {
    const graph: FlowGraph = {
      nodes: [
        node("a", "json"),
        node("c", "json"),
        node("l", "labels", { labels: ["x"] }),
        node("m", "many"),
      ],
      edges: [
        { id: "e1", source: "a", sourcePort: "out", target: "l", targetPort: "in" },
        { id: "e2", source: "a", sourcePort: "out", target: "m", targetPort: "in" },
      ],
    };
    const into = (target: string, source = "c") =>
      connectionProblem(graph, registry, {
        source,
        sourceHandle: "out",
        target,
        targetHandle: "in",
      });
    expect(into("l")).toMatch(/takes one edge/);
    expect(into("m")).toBeNull();
    expect(into("m", "a")).toBe("These ports are already connected");
    expect(into("a", "a")).toBe("A node cannot connect to itself");
  });

  it("derives config-dependent ports, also from a config being edited", () => {
    const valid = node("l", "labels", { labels: ["yes", "no"] });
    expect(canvasPortsOf(labels, valid).outputs.map((p) => p.name)).toEqual(["yes", "no"]);
    const editing = node("l", "labels", { labels: ["yes", "", "yes"] });
    expect(canvasPortsOf(labels, editing).outputs.map((p) => p.name)).toEqual(["yes"]);
    const routed = { ...valid, policy: { onError: "route" as const } };
    expect(canvasPortsOf(labels, routed).outputs.map((p) => p.name)).toEqual([
      "yes",
      "no",
      "error",
    ]);
    expect(canvasPortsOf(undefined, valid)).toEqual({ inputs: [], outputs: [] });
  });
});
