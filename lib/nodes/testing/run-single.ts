import { z } from "zod";
import type { PromptsPort } from "@/lib/engine/context";
import { defineNode, type NodeDefinition, type NodeTrace } from "@/lib/engine/define-node";
import type { EngineEvent } from "@/lib/engine/events";
import type { FlowGraph, NodePolicy } from "@/lib/engine/graph";
import { createRegistry } from "@/lib/engine/registry";
import { runFlow, type EnginePorts, type RunResult } from "@/lib/engine/run-flow";
import type { ResumeState } from "@/lib/engine/state";
import { fakeLlm, fakePorts, type ScriptedAnswer } from "./model-fakes";

const start = defineNode({
  type: "test-start",
  version: 1,
  ui: { label: "Start", category: "io", icon: "play", description: "Test entry" },
  config: z.object({}),
  capabilities: { entry: true },
  ports: { inputs: [], outputs: [{ name: "out", type: "any" }] },
  execute: async ({ inputs }) => ({ outputs: { out: inputs.input } }),
});

/** What one node did inside a real `runFlow`: its outputs, trace, streamed tokens and events. */
export interface SingleRun {
  result: RunResult;
  events: EngineEvent[];
  outputs: Record<string, unknown> | undefined;
  trace: NodeTrace | undefined;
  tokens: string[];
}

/** How to run the node: its config and input, the fake ports, policy and an optional resume decision. */
export interface SingleRunOptions {
  config: unknown;
  input: unknown;
  ports: EnginePorts;
  policy?: NodePolicy;
  /** Resumes the node (as after a suspension) with this decision. */
  decision?: unknown;
}

/** Runs `definition` as node "n" behind a test entry node, through the real engine. */
export async function runSingle<C>(
  definition: NodeDefinition<C>,
  options: SingleRunOptions,
): Promise<SingleRun> {
  const registry = createRegistry([start, definition]);
  const graph: FlowGraph = {
    nodes: [
      {
        id: "start",
        type: "test-start",
        typeVersion: 1,
        label: "",
        config: {},
        policy: {},
        position: { x: 0, y: 0 },
      },
      {
        id: "n",
        type: definition.type,
        typeVersion: definition.version,
        label: "",
        config: options.config as Record<string, unknown>,
        policy: options.policy ?? {},
        position: { x: 0, y: 0 },
      },
    ],
    edges: [{ id: "e", source: "start", sourcePort: "out", target: "n", targetPort: "in" }],
  };
  const resume: ResumeState | undefined =
    options.decision === undefined
      ? undefined
      : {
          settled: { start: { status: "succeeded", outputs: { out: options.input } } },
          decisions: { n: options.decision },
        };
  const events: EngineEvent[] = [];
  const result = await runFlow({
    runId: "run",
    graph,
    registry,
    input: options.input,
    ports: options.ports,
    resume,
    sleep: async () => undefined,
    onEvent: (event) => events.push(event),
  });
  const settled = result.settled.n;
  const last = events.findLast(
    (e) =>
      (e.type === "node.succeeded" || e.type === "node.failed" || e.type === "node.waiting") &&
      e.nodeId === "n",
  );
  const trace = last && "trace" in last ? last.trace : undefined;
  return {
    result,
    events,
    outputs: settled?.status === "succeeded" ? settled.outputs : undefined,
    trace,
    tokens: events.flatMap((e) => (e.type === "node.token" ? [e.token] : [])),
  };
}

/** Runs a model-backed node with a scripted fake LLM (and optional prompts and policy); adds the recorded calls. */
export async function runWithModel<C>(
  definition: NodeDefinition<C>,
  config: unknown,
  input: unknown,
  script: readonly ScriptedAnswer[],
  extra: { prompts?: PromptsPort; policy?: NodePolicy } = {},
) {
  const llm = fakeLlm(script);
  const ports = fakePorts({ llm: llm.port, ...(extra.prompts ? { prompts: extra.prompts } : {}) });
  const single = await runSingle(definition, { config, input, ports, policy: extra.policy });
  return { ...single, calls: llm.calls };
}
