import type { FlowGraph } from "./graph";
import type { NodeRegistry } from "./registry";
import type { SettledNode } from "./state";

/** `nodeId` and every node reachable from it along edges. */
export function downstreamOf(graph: FlowGraph, nodeId: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set([nodeId]);
  const stack = [nodeId];
  while (stack.length > 0) {
    for (const target of next.get(stack.pop()!) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return seen;
}

/**
 * What "run from here" reuses of an earlier run's settled results: every node of `graph` that is
 * neither `fromNodeId` nor downstream of it. Entry nodes always run again, so the new run's input
 * is the one its nodes see.
 */
export function reusableResults(
  graph: FlowGraph,
  registry: NodeRegistry,
  fromNodeId: string,
  previous: Record<string, SettledNode>,
): Record<string, SettledNode> {
  const rerun = downstreamOf(graph, fromNodeId);
  const reused: Record<string, SettledNode> = {};
  for (const node of graph.nodes) {
    const result = previous[node.id];
    if (!result || rerun.has(node.id)) continue;
    if (registry.get(node.type, node.typeVersion)?.capabilities?.entry) continue;
    reused[node.id] = result;
  }
  return reused;
}
