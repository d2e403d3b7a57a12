import { z } from "zod";
import {
  createRegistry,
  defineNode,
  type EnginePorts,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
} from "@/lib/engine";
import { inputNode } from "@/lib/nodes/input.node";
import { mergeNode } from "@/lib/nodes/merge.node";
import { outputNode } from "@/lib/nodes/output.node";

/** A minimal pass-through node: hands its input on untouched (no work beyond the engine's). */
export const passNode = defineNode({
  type: "bench-pass",
  version: 1,
  ui: { label: "Pass", category: "data", icon: "arrow-right", description: "Benchmark only" },
  config: z.strictObject({}),
  ports: {
    inputs: [{ name: "in", type: "any" }],
    outputs: [{ name: "out", type: "any" }],
  },
  async execute({ inputs }) {
    return { outputs: { out: inputs.in } };
  },
});

/** The real Input, Output and Merge nodes plus the pass-through node. */
export const benchRegistry = createRegistry([inputNode, outputNode, mergeNode, passNode]);

const refuse = () => Promise.reject(new Error("not used by the benchmark flows"));

/** Ports for flows that touch nothing outside the engine. */
export const idlePorts: EnginePorts = {
  llm: { complete: refuse },
  http: { request: refuse },
  secrets: { get: refuse },
  prompts: { resolve: refuse },
};

/** A node instance with defaults. */
export function flowNode(id: string, type: string, config: Record<string, unknown> = {}): FlowNode {
  return { id, type, typeVersion: 1, label: id, config, policy: {}, position: { x: 0, y: 0 } };
}

/** An edge from `source`'s "out" port to `target`'s "in" port. */
export function flowEdge(source: string, target: string): FlowEdge {
  return { id: `${source}-${target}`, source, sourcePort: "out", target, targetPort: "in" };
}

/** Input -> (length - 2) pass-through nodes -> Output: `length` nodes in all. */
export function chainGraph(length: number): FlowGraph {
  const ids = Array.from({ length }, (_, i) => `n${i}`);
  const nodes = ids.map((id, i) =>
    flowNode(id, i === 0 ? "input" : i === length - 1 ? "output" : passNode.type),
  );
  return { nodes, edges: ids.slice(1).map((id, i) => flowEdge(ids[i]!, id)) };
}

/** Input -> `branches` parallel nodes -> Merge (array) -> Output. */
export function fanOutGraph(branches: FlowNode[]): FlowGraph {
  const nodes = [
    flowNode("in", "input"),
    ...branches,
    flowNode("merge", "merge"),
    flowNode("out", "output"),
  ];
  const edges = branches.flatMap((b) => [flowEdge("in", b.id), flowEdge(b.id, "merge")]);
  return { nodes, edges: [...edges, flowEdge("merge", "out")] };
}
