import type { FlowGraph } from "./graph";

/** The graph without pinned outputs: what versions (and so published endpoints) store. */
export function withoutPins(graph: FlowGraph): FlowGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      if (node.pin === undefined) return node;
      const copy = { ...node };
      delete copy.pin;
      return copy;
    }),
  };
}
