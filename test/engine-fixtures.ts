/** Test nodes and helpers for the engine's own tests (no I/O, no app code). */
import { z } from "zod";
import { defineNode } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import type { EngineEvent } from "@/lib/engine/events";
import type { FlowGraph } from "@/lib/engine/graph";
import { createRegistry } from "@/lib/engine/registry";
import { runFlow, type EnginePorts } from "@/lib/engine/run-flow";

/** What test nodes did, in order (node ids, idempotency keys, review decisions). */
export const calls: string[] = [];
const ui = { label: "t", category: "logic", icon: "x", description: "test node" } as const;

const entry = defineNode({
  type: "in",
  version: 1,
  ui,
  config: z.object({}),
  capabilities: { entry: true },
  ports: { inputs: [], outputs: [{ name: "out", type: "any" }] },
  execute: async ({ inputs }) => ({ outputs: { out: inputs.input } }),
});
const exit = defineNode({
  type: "out",
  version: 1,
  ui,
  config: z.object({}),
  capabilities: { exit: true },
  ports: { inputs: [{ name: "in", type: "any" }], outputs: [] },
  execute: async ({ inputs }) => ({ outputs: { value: inputs.in } }),
});
const add = defineNode({
  type: "add",
  version: 1,
  ui,
  config: z.object({ n: z.number(), delayMs: z.number().default(0) }),
  ports: { inputs: [{ name: "in", type: "number" }], outputs: [{ name: "out", type: "number" }] },
  execute: async ({ config, inputs, node }, ctx) => {
    calls.push(node.id);
    if (config.delayMs) await new Promise((r) => setTimeout(r, config.delayMs));
    if (ctx.signal.aborted) throw new Error("aborted");
    return { outputs: { out: (inputs.in as number) + config.n } };
  },
});
const branch = defineNode({
  type: "branch",
  version: 1,
  ui,
  config: z.object({}),
  capabilities: { branches: true },
  ports: {
    inputs: [{ name: "in", type: "number" }],
    outputs: [
      { name: "even", type: "number" },
      { name: "odd", type: "number" },
    ],
  },
  execute: async ({ inputs }) => ({
    outputs: { [(inputs.in as number) % 2 === 0 ? "even" : "odd"]: inputs.in },
  }),
});
const merge = defineNode({
  type: "merge",
  version: 1,
  ui,
  config: z.object({}),
  capabilities: { acceptsSkipped: true, pure: true },
  ports: {
    inputs: [{ name: "in", type: "any", multiple: true }],
    outputs: [{ name: "out", type: "any" }],
  },
  execute: async ({ inputs }) => ({ outputs: { out: inputs.in } }),
});
/** How many times the flaky node has failed so far; tests reset it. */
export const flakiness = { failures: 0 };
const flaky = defineNode({
  type: "flaky",
  version: 1,
  ui,
  config: z.object({ fail: z.number(), retryable: z.boolean().default(true) }),
  ports: {
    inputs: [{ name: "in", type: "any" }],
    outputs: [
      { name: "out", type: "any" },
      { name: "error", type: "json" },
    ],
  },
  execute: async ({ config, inputs }, ctx) => {
    calls.push(ctx.idempotencyKey);
    if (flakiness.failures++ < config.fail)
      throw new NodeError("boom", "provider_error", {
        retryable: config.retryable,
        retryAfterMs: 5,
      });
    return { outputs: { out: inputs.in } };
  },
});
const review = defineNode({
  type: "review",
  version: 1,
  ui,
  config: z.object({}),
  capabilities: { suspends: true, branches: true },
  ports: {
    inputs: [{ name: "in", type: "any" }],
    outputs: [
      { name: "approved", type: "any" },
      { name: "rejected", type: "any" },
    ],
  },
  execute: async ({ inputs }, ctx) => {
    calls.push(`review:${String(ctx.decision)}`);
    if (ctx.decision === undefined) return { suspend: { payload: { draft: inputs.in } } };
    return { outputs: { [ctx.decision === "approve" ? "approved" : "rejected"]: inputs.in } };
  },
});
const hang = defineNode({
  type: "hang",
  version: 1,
  ui,
  config: z.object({}),
  ports: { inputs: [{ name: "in", type: "any" }], outputs: [{ name: "out", type: "any" }] },
  execute: (_, ctx) =>
    new Promise((_, reject) =>
      ctx.signal.addEventListener("abort", () => reject(new Error("aborted"))),
    ),
});

/** A registry of small test nodes: in, out, add, branch, merge, flaky, review, hang. */
export const registry = createRegistry([entry, exit, add, branch, merge, flaky, review, hang]);
const ports = {} as EnginePorts;
const sleep = async () => undefined;

/** A compact node: id, type, config, policy. */
export type N = [
  id: string,
  type: string,
  config?: Record<string, unknown>,
  policy?: Record<string, unknown>,
];
/** Builds a graph; edges default to ports out -> in. */
export function graph(nodes: N[], edges: [string, string, string?, string?][]): FlowGraph {
  return {
    nodes: nodes.map(([id, type, config = {}, policy = {}]) => ({
      id,
      type,
      typeVersion: 1,
      label: id,
      config,
      policy,
      position: { x: 0, y: 0 },
    })),
    edges: edges.map(([source, target, sourcePort = "out", targetPort = "in"], i) => ({
      id: `e${i}`,
      source,
      sourcePort,
      target,
      targetPort,
    })),
  };
}

/** Runs a graph with the test registry, collecting events (no real sleeping between retries). */
export async function run(
  g: FlowGraph,
  input: unknown,
  extra: Partial<Parameters<typeof runFlow>[0]> = {},
) {
  const events: EngineEvent[] = [];
  const result = await runFlow({
    runId: "r1",
    graph: g,
    registry,
    input,
    ports,
    sleep,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { result, events };
}
