import { portsOf, type AnyNodeDefinition } from "./define-node";
import type { FlowEdge, FlowGraph, FlowNode } from "./graph";
import { portsCompatible, type NodePorts, type PortSpec } from "./ports";
import type { NodeRegistry } from "./registry";

/**
 * The one place that maps our edges (`sourcePort`/`targetPort`) to React Flow's
 * (`sourceHandle`/`targetHandle`) and back. Plain objects only: lib/engine imports no framework.
 */
export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
}

/** A connection as React Flow reports it (handles may be null for handle-less nodes). */
export interface CanvasConnection {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

/** Our edge as a React Flow edge. */
export function toCanvasEdge(edge: FlowEdge): CanvasEdge {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourcePort,
    targetHandle: edge.targetPort,
  };
}

/** A React Flow connection as our edge; null when a handle is missing. */
export function fromCanvasConnection(connection: CanvasConnection, id: string): FlowEdge | null {
  if (!connection.sourceHandle || !connection.targetHandle) return null;
  return {
    id,
    source: connection.source,
    sourcePort: connection.sourceHandle,
    target: connection.target,
    targetPort: connection.targetHandle,
  };
}

const EMPTY_PORTS: NodePorts = { inputs: [], outputs: [] };

/** The error port exists when the node's policy routes errors to it (as the engine compiles it). */
function withErrorPort(ports: NodePorts, node: FlowNode): NodePorts {
  if (node.policy?.onError !== "route" || ports.outputs.some((p) => p.name === "error"))
    return ports;
  return {
    inputs: ports.inputs,
    outputs: [...ports.outputs, { name: "error", type: "json", label: "Error" }],
  };
}

/**
 * The ports a node instance shows. With an invalid config, config-dependent ports are computed
 * from the raw config when possible, so an edit in progress does not make handles vanish.
 */
export function canvasPortsOf(
  definition: AnyNodeDefinition | undefined,
  node: FlowNode,
): NodePorts {
  if (!definition) return EMPTY_PORTS;
  const parsed = definition.config.safeParse(node.config);
  let ports = EMPTY_PORTS;
  if (parsed.success) ports = portsOf(definition, parsed.data);
  else if (typeof definition.ports !== "function") ports = definition.ports;
  else {
    try {
      ports = definition.ports(node.config);
      if (!Array.isArray(ports?.inputs) || !Array.isArray(ports?.outputs)) ports = EMPTY_PORTS;
    } catch {
      ports = EMPTY_PORTS;
    }
  }
  return withErrorPort({ inputs: usable(ports.inputs), outputs: usable(ports.outputs) }, node);
}

/** Drops ports without a name and repeated names (possible while a config is being edited). */
function usable(ports: PortSpec[]): PortSpec[] {
  const seen = new Set<string>();
  return ports.filter((p) => {
    if (typeof p?.name !== "string" || p.name === "" || seen.has(p.name)) return false;
    seen.add(p.name);
    return true;
  });
}

const describe = (port: PortSpec, side: "output" | "input") =>
  `${port.type} ${side} '${port.name}'`;

/**
 * Why a new edge may not be drawn, or null when it may: both ports exist, their types are
 * compatible (the engine's `portsCompatible`), and a single-edge input has no edge yet.
 */
export function connectionProblem(
  graph: FlowGraph,
  registry: NodeRegistry,
  connection: CanvasConnection,
  portsOfNode: (node: FlowNode) => NodePorts = (node) =>
    canvasPortsOf(registry.get(node.type, node.typeVersion), node),
): string | null {
  const source = graph.nodes.find((n) => n.id === connection.source);
  const target = graph.nodes.find((n) => n.id === connection.target);
  if (!source || !target) return "Both ends must be nodes on the canvas";
  if (source.id === target.id) return "A node cannot connect to itself";
  const out = portsOfNode(source).outputs.find((p) => p.name === connection.sourceHandle);
  const input = portsOfNode(target).inputs.find((p) => p.name === connection.targetHandle);
  if (!out) return `No output '${connection.sourceHandle ?? ""}' on ${source.label || source.id}`;
  if (!input) return `No input '${connection.targetHandle ?? ""}' on ${target.label || target.id}`;
  if (!portsCompatible(out.type, input.type))
    return `Cannot connect ${describe(out, "output")} to ${describe(input, "input")}`;
  const existing = graph.edges.filter((e) => e.target === target.id && e.targetPort === input.name);
  if (existing.some((e) => e.source === source.id && e.sourcePort === out.name))
    return "These ports are already connected";
  if (existing.length > 0 && !input.multiple)
    return `Input '${input.name}' of ${target.label || target.id} takes one edge and already has one`;
  return null;
}
