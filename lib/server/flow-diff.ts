import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/engine";
import type { DiffField, DiffNode, FlowDiff } from "@/lib/schemas/flows";
import { fieldDiffs } from "@/lib/text/field-diff";

function nodeFields(a: FlowNode, b: FlowNode): DiffField[] {
  const fields: DiffField[] = [];
  for (const key of ["type", "typeVersion", "label"] as const)
    fieldDiffs(key, a[key], b[key], fields);
  fieldDiffs("config", a.config, b.config, fields);
  fieldDiffs("policy", a.policy, b.policy, fields);
  return fields;
}

const summary = (node: FlowNode): DiffNode => ({ id: node.id, type: node.type, label: node.label });

/** An edge's identity is its connection, so renaming an edge id is not a change. */
const edgeKey = (e: FlowEdge) => JSON.stringify([e.source, e.sourcePort, e.target, e.targetPort]);

function edgesOnlyIn(graph: FlowGraph, other: FlowGraph): FlowEdge[] {
  const keys = new Set(other.edges.map(edgeKey));
  return graph.edges.filter((edge) => !keys.has(edgeKey(edge)));
}

/**
 * What changed from graph `a` to graph `b`: nodes added, removed or changed (dotted paths of
 * type, typeVersion, label, config and policy; positions ignored), and edges added or removed.
 */
export function diffGraphs(a: FlowGraph, b: FlowGraph): FlowDiff {
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  const after = new Map(b.nodes.map((n) => [n.id, n]));
  const changed: FlowDiff["nodes"]["changed"] = [];
  for (const node of b.nodes) {
    const old = before.get(node.id);
    if (!old) continue;
    const fields = nodeFields(old, node);
    if (fields.length > 0) changed.push({ id: node.id, label: node.label || old.label, fields });
  }
  return {
    nodes: {
      added: b.nodes.filter((n) => !before.has(n.id)).map(summary),
      removed: a.nodes.filter((n) => !after.has(n.id)).map(summary),
      changed,
    },
    edges: { added: edgesOnlyIn(b, a), removed: edgesOnlyIn(a, b) },
  };
}
