import type { AnyNodeDefinition, FlowEdge, FlowGraph, FlowNode, NodePorts } from "@/lib/engine";
import { canvasPortsOf } from "@/lib/engine/react-flow";
import { nodeRegistry } from "@/lib/nodes";

/** Node width on the canvas; height grows with the number of ports. */
export const NODE_WIDTH = 240;
const HEADER_HEIGHT = 56;
const PORT_ROW_HEIGHT = 24;

/** A short random id that satisfies the graph's id rule. */
export function newId(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, 40)}-${random}`;
}

/** The definition of a node instance, if the registry knows its type and version. */
export function definitionOf(node: Pick<FlowNode, "type" | "typeVersion">) {
  return nodeRegistry.get(node.type, node.typeVersion);
}

// Nodes are immutable snapshots (every edit makes a new object), so ports cache by identity.
const portsCache = new WeakMap<FlowNode, NodePorts>();

/** The ports a node shows on the canvas. */
export function nodePorts(node: FlowNode): NodePorts {
  let ports = portsCache.get(node);
  if (!ports) {
    ports = canvasPortsOf(definitionOf(node), node);
    portsCache.set(node, ports);
  }
  return ports;
}

/** A model every install has (the simulated provider), for new model nodes. */
const SIMULATED = { connection: "simulated", model: "sim-small" };

// Starting configs that already validate (or nearly), so a new node is useful at once.
const STARTER_CONFIG: Record<string, Record<string, unknown>> = {
  template: { template: "{{ input }}" },
  llm: { prompt: { kind: "inline", template: "{{ input }}" }, model: SIMULATED },
  classifier: {
    model: SIMULATED,
    labels: [
      { name: "yes", description: "" },
      { name: "no", description: "" },
    ],
  },
  condition: { expression: "true" },
  "human-review": { instructions: "Check the draft." },
  "http-tool": { method: "GET", url: "https://example.com/" },
  validator: { checks: [{ kind: "forbidden_terms", terms: ["guarantee"] }] },
};

/** A new node of a type at a position, with a starter config. */
export function createNode(definition: AnyNodeDefinition, position: { x: number; y: number }) {
  const starter = STARTER_CONFIG[definition.type] ?? {};
  const parsed = definition.config.safeParse(starter);
  const node: FlowNode = {
    id: newId(definition.type),
    type: definition.type,
    typeVersion: definition.version,
    label: definition.ui.label,
    config: parsed.success ? (parsed.data as Record<string, unknown>) : starter,
    policy: {},
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  return node;
}

/** The graph without the given nodes and edges (and without edges that touched the nodes). */
export function removeElements(
  graph: FlowGraph,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): FlowGraph {
  return {
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter(
      (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
    ),
  };
}

/** Copies of the given nodes (and the edges between them), offset; returns the new ids. */
export function duplicateNodes(
  graph: FlowGraph,
  nodeIds: ReadonlySet<string>,
  offset = 40,
): { graph: FlowGraph; ids: string[] } {
  const idMap = new Map<string, string>();
  const copies: FlowNode[] = [];
  for (const node of graph.nodes) {
    if (!nodeIds.has(node.id)) continue;
    const id = newId(node.type);
    idMap.set(node.id, id);
    copies.push({
      ...structuredClone(node),
      id,
      label: node.label ? `${node.label} (copy)`.slice(0, 200) : node.label,
      position: { x: node.position.x + offset, y: node.position.y + offset },
    });
  }
  const edges: FlowEdge[] = graph.edges
    .filter((e) => idMap.has(e.source) && idMap.has(e.target))
    .map((e) => ({
      ...e,
      id: newId("e"),
      source: idMap.get(e.source)!,
      target: idMap.get(e.target)!,
    }));
  return {
    graph: { nodes: [...graph.nodes, ...copies], edges: [...graph.edges, ...edges] },
    ids: copies.map((c) => c.id),
  };
}

/** Estimated node height from its port count (dagre needs sizes before React Flow measures). */
export function estimatedHeight(node: FlowNode): number {
  const ports = nodePorts(node);
  return HEADER_HEIGHT + Math.max(ports.inputs.length, ports.outputs.length, 1) * PORT_ROW_HEIGHT;
}

/** Replaces one node by id. */
export function updateNode(
  graph: FlowGraph,
  nodeId: string,
  update: (node: FlowNode) => FlowNode,
): FlowGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === nodeId ? update(n) : n)) };
}
