import type { NodeDefinition } from "./define-node";
import { portsOf } from "./define-node";
import type { FlowEdge, FlowGraph, FlowNode } from "./graph";
import type { NodePorts } from "./ports";
import type { NodeRegistry } from "./registry";

/** A node with its definition, parsed config and ports, resolved once per run. */
export interface CompiledNode {
  node: FlowNode;
  definition: NodeDefinition;
  config: unknown;
  ports: NodePorts;
  /** Incoming edges, by target port name. */
  incoming: Map<string, FlowEdge[]>;
  outgoing: FlowEdge[];
}

/** Why a node could not be compiled. */
export type CompileProblem =
  | { nodeId: string; code: "unknown_node_type"; message: string }
  | { nodeId: string; code: "invalid_config"; message: string };

/** A graph resolved against a registry. */
export interface CompiledFlow {
  nodes: Map<string, CompiledNode>;
  problems: CompileProblem[];
}

/** The error port exists when the node's policy routes errors to it. */
function withErrorPort(ports: NodePorts, node: FlowNode): NodePorts {
  if (node.policy.onError !== "route" || ports.outputs.some((p) => p.name === "error"))
    return ports;
  return {
    inputs: ports.inputs,
    outputs: [...ports.outputs, { name: "error", type: "json", label: "Error" }],
  };
}

/** Resolves definitions, parses each node's config once and indexes edges. */
export function compileFlow(graph: FlowGraph, registry: NodeRegistry): CompiledFlow {
  const nodes = new Map<string, CompiledNode>();
  const problems: CompileProblem[] = [];
  for (const node of graph.nodes) {
    const definition = registry.get(node.type, node.typeVersion);
    if (!definition) {
      problems.push({
        nodeId: node.id,
        code: "unknown_node_type",
        message: `Unknown node type ${node.type} v${node.typeVersion}`,
      });
      continue;
    }
    const parsed = definition.config.safeParse(node.config);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((i) => `${i.path.join(".") || "config"}: ${i.message}`)
        .join("; ");
      problems.push({
        nodeId: node.id,
        code: "invalid_config",
        message: `Invalid configuration (${detail})`,
      });
      continue;
    }
    nodes.set(node.id, {
      node,
      definition,
      config: parsed.data,
      ports: withErrorPort(portsOf(definition, parsed.data), node),
      incoming: new Map(),
      outgoing: [],
    });
  }
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) continue;
    source.outgoing.push(edge);
    const list = target.incoming.get(edge.targetPort) ?? [];
    list.push(edge);
    target.incoming.set(edge.targetPort, list);
  }
  return { nodes, problems };
}
