import type { FlowGraph } from "@/lib/engine";

type NodeSpec = [
  id: string,
  type: string,
  label: string,
  config: Record<string, unknown>,
  x: number,
  y: number,
];
type EdgeSpec = [source: string, sourcePort: string, target: string, targetPort?: string];

/** Builds an example graph from compact node and edge lists (type version 1, default policies). */
export function buildGraph(nodes: NodeSpec[], edges: EdgeSpec[]): FlowGraph {
  return {
    nodes: nodes.map(([id, type, label, config, x, y]) => ({
      id,
      type,
      typeVersion: 1,
      label,
      config,
      policy: {},
      position: { x, y },
    })),
    edges: edges.map(([source, sourcePort, target, targetPort = "in"], i) => ({
      id: `e${i + 1}`,
      source,
      sourcePort,
      target,
      targetPort,
    })),
  };
}
