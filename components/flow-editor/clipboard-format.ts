import { z } from "zod";
import { flowEdgeSchema, flowNodeSchema, GRAPH_LIMITS, type FlowGraph } from "@/lib/engine";
import { flowDocumentSchema } from "@/lib/schemas/flows";

/** The system-clipboard form of copied nodes, so they paste into another flow or workspace. */
const fragmentSchema = z.strictObject({
  format: z.literal("trellis.nodes"),
  version: z.literal(1),
  nodes: z.array(flowNodeSchema).min(1).max(GRAPH_LIMITS.nodes),
  edges: z.array(flowEdgeSchema).max(GRAPH_LIMITS.edges),
});

/** Longest clipboard text parsed as nodes (larger pastes are ignored rather than parsed). */
const MAX_PASTE_CHARS = 2_000_000;

/** The selected nodes and the edges between them, as clipboard text. */
export function serializeFragment(graph: FlowGraph, nodeIds: ReadonlySet<string>): string {
  return JSON.stringify({
    format: "trellis.nodes",
    version: 1,
    nodes: graph.nodes.filter((n) => nodeIds.has(n.id)),
    edges: graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
  });
}

/**
 * Nodes from clipboard text: copied nodes or a whole exported flow; null for anything else.
 * Only parsed, never executed; edges to nodes outside the fragment are dropped.
 */
export function parseFragment(text: string): FlowGraph | null {
  if (text.length > MAX_PASTE_CHARS || !text.trimStart().startsWith("{")) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const fragment = fragmentSchema.safeParse(value);
  const document = fragment.success ? null : flowDocumentSchema.safeParse(value);
  const graph = fragment.success ? fragment.data : document?.success ? document.data.graph : null;
  if (!graph || graph.nodes.length === 0) return null;
  const ids = new Set(graph.nodes.map((n) => n.id));
  return {
    nodes: graph.nodes,
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}
