import type { FlowEdge, FlowNode } from "@/lib/engine";

/** A flow node for tests: type version 1, labelled by its id, default policy, at the origin. */
export function testNode(
  id: string,
  type: string,
  config: Record<string, unknown> = {},
  overrides: Partial<FlowNode> = {},
): FlowNode {
  return {
    id,
    type,
    typeVersion: 1,
    label: id,
    config,
    policy: {},
    position: { x: 0, y: 0 },
    ...overrides,
  };
}

/** An LLM node with an inline prompt on the Simulated small model. */
export function testLlm(id: string, template: string): FlowNode {
  return testNode(id, "llm", {
    prompt: { kind: "inline", template },
    model: { connection: "simulated", model: "sim-small" },
  });
}

/** An edge `source-target` from a port of `source` (default "out") to `target`'s "in". */
export function testEdge(source: string, target: string, sourcePort = "out"): FlowEdge {
  return { id: `${source}-${target}`, source, sourcePort, target, targetPort: "in" };
}

/** Input -> LLM on the Simulated model answering after `latencyMs` -> Output (queue tests, bench:queue). */
export function simulatedAskFlow(latencyMs: number): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const ask = testLlm("ask", "Answer: {{ input.question }}");
  ask.config.parameters = { simulated: { latencyMs, tokenDelayMs: 0 } };
  return {
    nodes: [testNode("in", "input"), ask, testNode("out", "output")],
    edges: [testEdge("in", "ask"), testEdge("ask", "out")],
  };
}
