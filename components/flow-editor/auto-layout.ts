import { Graph, layout } from "@dagrejs/dagre";
import type { FlowGraph } from "@/lib/engine";
import { estimatedHeight, NODE_WIDTH } from "./graph-ops";

/**
 * Left-to-right layered layout (dagre); `sizes` are measured sizes where known. A module of its
 * own, loaded when the layout command runs: opening a flow does not need dagre.
 */
export function autoLayout(
  graph: FlowGraph,
  sizes: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): FlowGraph {
  const g = new Graph();
  g.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const size = sizes.get(node.id) ?? { width: NODE_WIDTH, height: estimatedHeight(node) };
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of graph.edges) {
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target);
  }
  layout(g);
  return {
    nodes: graph.nodes.map((node) => {
      const placed = g.node(node.id);
      const size = sizes.get(node.id) ?? { width: NODE_WIDTH, height: estimatedHeight(node) };
      if (!placed) return node;
      return {
        ...node,
        position: {
          x: Math.round(placed.x - size.width / 2),
          y: Math.round(placed.y - size.height / 2),
        },
      };
    }),
    edges: graph.edges,
  };
}
