import { compileFlow, type CompiledFlow } from "./compile";
import { flowGraphSchema, type FlowGraph } from "./graph";
import { portsCompatible } from "./ports";
import type { NodeRegistry } from "./registry";

/** One problem found in a flow; errors block publishing, warnings do not. */
export interface FlowIssue {
  nodeId?: string;
  edgeId?: string;
  severity: "error" | "warning";
  code:
    | "invalid_graph"
    | "duplicate_id"
    | "unknown_node_type"
    | "invalid_config"
    | "dangling_edge"
    | "unknown_port"
    | "incompatible_ports"
    | "too_many_edges"
    | "unconnected_input"
    | "cycle"
    | "missing_input"
    | "missing_output"
    | "unreachable"
    | "unknown_pin_port";
  message: string;
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

function edgeIssues(graph: FlowGraph, flow: CompiledFlow): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const edge of graph.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) {
      issues.push({
        edgeId: edge.id,
        severity: "error",
        code: "dangling_edge",
        message: "Edge points at a node that does not exist",
      });
      continue;
    }
    const source = flow.nodes.get(edge.source);
    const target = flow.nodes.get(edge.target);
    if (!source || !target) continue;
    const out = source.ports.outputs.find((p) => p.name === edge.sourcePort);
    const input = target.ports.inputs.find((p) => p.name === edge.targetPort);
    if (!out || !input) {
      const missing = !out
        ? `output "${edge.sourcePort}" on ${edge.source}`
        : `input "${edge.targetPort}" on ${edge.target}`;
      issues.push({
        edgeId: edge.id,
        severity: "error",
        code: "unknown_port",
        message: `No ${missing}`,
      });
    } else if (!portsCompatible(out.type, input.type)) {
      issues.push({
        edgeId: edge.id,
        severity: "error",
        code: "incompatible_ports",
        message: `Cannot connect ${out.type} output "${out.name}" to ${input.type} input "${input.name}"`,
      });
    }
  }
  return issues;
}

function inputIssues(flow: CompiledFlow): FlowIssue[] {
  const issues: FlowIssue[] = [];
  for (const [nodeId, compiled] of flow.nodes) {
    for (const port of compiled.ports.inputs) {
      const count = compiled.incoming.get(port.name)?.length ?? 0;
      if (count === 0 && port.required !== false) {
        issues.push({
          nodeId,
          severity: "error",
          code: "unconnected_input",
          message: `Input "${port.label ?? port.name}" is not connected`,
        });
      } else if (count > 1 && !port.multiple) {
        issues.push({
          nodeId,
          severity: "error",
          code: "too_many_edges",
          message: `Input "${port.label ?? port.name}" takes one edge, has ${count}`,
        });
      }
    }
  }
  return issues;
}

/** Pins naming an output the node does not have (a warning: the value is simply never used). */
function pinIssues(flow: CompiledFlow): FlowIssue[] {
  const issues: FlowIssue[] = [];
  for (const [nodeId, compiled] of flow.nodes) {
    const outputs = new Set(compiled.ports.outputs.map((p) => p.name));
    for (const name of Object.keys(compiled.node.pin?.outputs ?? {})) {
      if (outputs.has(name)) continue;
      issues.push({
        nodeId,
        severity: "warning",
        code: "unknown_pin_port",
        message: `Pinned output "${name}" is not an output of this node`,
      });
    }
  }
  return issues;
}

/** Nodes on a cycle (Kahn's algorithm leaves them with unresolved in-degree). */
function cycleIssues(graph: FlowGraph): FlowIssue[] {
  const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
  const next = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (!indegree.has(e.source) || !indegree.has(e.target)) continue;
    indegree.set(e.target, indegree.get(e.target)! + 1);
    next.get(e.source)!.push(e.target);
  }
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  for (let i = 0; i < queue.length; i++) {
    for (const t of next.get(queue[i]!)!) {
      indegree.set(t, indegree.get(t)! - 1);
      if (indegree.get(t) === 0) queue.push(t);
    }
  }
  return [...indegree]
    .filter(([, d]) => d > 0)
    .map(([nodeId]) => ({
      nodeId,
      severity: "error" as const,
      code: "cycle" as const,
      message: "Node is part of a cycle",
    }));
}

function reachabilityIssues(graph: FlowGraph, flow: CompiledFlow): FlowIssue[] {
  const entries = [...flow.nodes.values()]
    .filter((c) => c.definition.capabilities?.entry)
    .map((c) => c.node.id);
  const issues: FlowIssue[] = [];
  if (entries.length === 0)
    issues.push({
      severity: "error",
      code: "missing_input",
      message: "The flow has no Input node",
    });
  if (![...flow.nodes.values()].some((c) => c.definition.capabilities?.exit)) {
    issues.push({
      severity: "error",
      code: "missing_output",
      message: "The flow has no Output node",
    });
  }
  if (entries.length === 0) return issues;
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set(entries);
  const stack = [...entries];
  while (stack.length > 0) {
    for (const target of next.get(stack.pop()!) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  for (const node of graph.nodes) {
    if (!seen.has(node.id))
      issues.push({
        nodeId: node.id,
        severity: "warning",
        code: "unreachable",
        message: "No path from the Input node reaches this node",
      });
  }
  return issues;
}

/** Checks a flow without running anything; parses untrusted JSON first. */
export function validateFlow(raw: unknown, registry: NodeRegistry): FlowIssue[] {
  const parsed = flowGraphSchema.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.slice(0, 20).map((i) => ({
      severity: "error" as const,
      code: "invalid_graph" as const,
      message: `${i.path.join(".") || "graph"}: ${i.message}`,
    }));
  }
  const graph = parsed.data;
  const issues: FlowIssue[] = [];
  for (const id of duplicates(graph.nodes.map((n) => n.id)))
    issues.push({
      nodeId: id,
      severity: "error",
      code: "duplicate_id",
      message: `Duplicate node id ${id}`,
    });
  for (const id of duplicates(graph.edges.map((e) => e.id)))
    issues.push({
      edgeId: id,
      severity: "error",
      code: "duplicate_id",
      message: `Duplicate edge id ${id}`,
    });
  const flow = compileFlow(graph, registry);
  issues.push(...flow.problems.map((p) => ({ ...p, severity: "error" as const })));
  issues.push(
    ...edgeIssues(graph, flow),
    ...inputIssues(flow),
    ...pinIssues(flow),
    ...cycleIssues(graph),
    ...reachabilityIssues(graph, flow),
  );
  return issues;
}
