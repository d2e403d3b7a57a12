import type { EngineEvent } from "@/lib/engine/events";
import type { FlowGraph } from "@/lib/engine/graph";
import { createRegistry } from "@/lib/engine/registry";
import { runFlow, type EnginePorts } from "@/lib/engine/run-flow";
import { validateFlow } from "@/lib/engine/validate";
import { conditionNode } from "../condition.node";
import { inputNode } from "../input.node";
import { jsonTransformNode } from "../json-transform.node";
import { mergeNode } from "../merge.node";
import { outputNode } from "../output.node";
import { templateNode } from "../template.node";
import { validatorNode } from "../validator.node";
import { fakePorts } from "./model-fakes";

/** The core palette (I/O, data, logic, guardrail nodes). */
export const coreNodes = [
  inputNode,
  outputNode,
  templateNode,
  jsonTransformNode,
  mergeNode,
  conditionNode,
  validatorNode,
];

/** A registry of the core palette. */
export const coreRegistry = createRegistry(coreNodes);

/** A node in a test flow: id, type, optional config, policy and label. */
export interface TestNode {
  id: string;
  type: string;
  config?: Record<string, unknown>;
  policy?: Record<string, unknown>;
  label?: string;
}

/** Builds a flow from nodes and edges written `source.port->target.port`. */
export function flow(nodes: TestNode[], edges: string[]): FlowGraph {
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.type,
      typeVersion: 1,
      label: n.label ?? n.id,
      config: n.config ?? {},
      policy: n.policy ?? {},
      position: { x: 0, y: 0 },
    })),
    edges: edges.map((edge, i) => {
      const [source = "", sourcePort = "", target = "", targetPort = ""] = edge.split(/->|\./);
      return { id: `e${i}`, source, sourcePort, target, targetPort };
    }),
  };
}

/** input -> node "n" (from its `in` port, through `port`) -> output: the usual one-node test flow. */
export function around(
  type: string,
  config: Record<string, unknown>,
  port = "out",
  policy = {},
): FlowGraph {
  return flow(
    [
      { id: "in", type: "input", config: { schema: {} } },
      { id: "n", type, config, policy },
      { id: "out", type: "output" },
    ],
    ["in.out->n.in", `n.${port}->out.in`],
  );
}

/** Runs a flow over the core registry with fake ports; returns the result and events. */
export async function runCore(graph: FlowGraph, input: unknown, ports: EnginePorts = fakePorts()) {
  const events: EngineEvent[] = [];
  const result = await runFlow({
    runId: "run",
    graph,
    registry: coreRegistry,
    input,
    ports,
    sleep: async () => undefined,
    onEvent: (event) => events.push(event),
  });
  return { result, events };
}

/** The error codes validateFlow reports on node "n" of `input -> type(config) -> output`. */
export function configIssueCodes(type: string, config: Record<string, unknown>): string[] {
  return validateFlow(around(type, config), coreRegistry)
    .filter((issue) => issue.severity === "error" && issue.nodeId === "n")
    .map((issue) => issue.code);
}
