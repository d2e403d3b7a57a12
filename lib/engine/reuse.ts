import type { FlowGraph } from "./graph";
import type { NodeRegistry } from "./registry";
import type { SettledNode } from "./state";

/** `nodeId` and every node reachable from it along edges. */
export function downstreamOf(graph: FlowGraph, nodeId: string): Set<string> {
  return downstreamOfAll(graph, [nodeId]);
}

/** The given nodes and every node reachable from any of them along edges. */
export function downstreamOfAll(graph: FlowGraph, nodeIds: Iterable<string>): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set(nodeIds);
  const stack = [...seen];
  while (stack.length > 0) {
    for (const target of next.get(stack.pop()!) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return seen;
}

/** The settled results of nodes outside `rerun`; entry nodes always run again. */
function reuseOutside(
  graph: FlowGraph,
  registry: NodeRegistry,
  rerun: Set<string>,
  previous: Record<string, SettledNode>,
): Record<string, SettledNode> {
  const reused: Record<string, SettledNode> = {};
  for (const node of graph.nodes) {
    const result = previous[node.id];
    if (!result || rerun.has(node.id)) continue;
    if (registry.get(node.type, node.typeVersion)?.capabilities?.entry) continue;
    reused[node.id] = result;
  }
  return reused;
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
  return reuseOutside(graph, registry, downstreamOf(graph, fromNodeId), previous);
}

/**
 * What resuming a failed run reuses of its settled results: every node that is neither one of
 * `failedNodeIds` nor downstream of one (entry nodes run again, as in {@link reusableResults}).
 */
export function resumableResults(
  graph: FlowGraph,
  registry: NodeRegistry,
  failedNodeIds: Iterable<string>,
  previous: Record<string, SettledNode>,
): Record<string, SettledNode> {
  return reuseOutside(graph, registry, downstreamOfAll(graph, failedNodeIds), previous);
}
