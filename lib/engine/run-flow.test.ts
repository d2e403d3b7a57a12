import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineNode } from "./define-node";
import { NodeError } from "./errors";
import type { EngineEvent } from "./events";
import type { FlowGraph } from "./graph";
import { createRegistry } from "./registry";
import { runFlow, type EnginePorts } from "./run-flow";
import { rebuildResumeState } from "./state";

const calls: string[] = [];
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
  capabilities: { acceptsSkipped: true },
  ports: {
    inputs: [{ name: "in", type: "any", multiple: true }],
    outputs: [{ name: "out", type: "any" }],
  },
  execute: async ({ inputs }) => ({ outputs: { out: inputs.in } }),
});
let flakyFailures = 0;
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
    if (flakyFailures++ < config.fail)
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

const registry = createRegistry([entry, exit, add, branch, merge, flaky, review, hang]);
const ports = {} as EnginePorts;
const sleep = async () => undefined;

type N = [
  id: string,
  type: string,
  config?: Record<string, unknown>,
  policy?: Record<string, unknown>,
];
function graph(nodes: N[], edges: [string, string, string?, string?][]): FlowGraph {
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

async function run(
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

describe("runFlow", () => {
  it("runs a chain and returns the Output node's value", async () => {
    const { result, events } = await run(
      graph(
        [
          ["i", "in"],
          ["a", "add", { n: 2 }],
          ["o", "out"],
        ],
        [
          ["i", "a"],
          ["a", "o"],
        ],
      ),
      40,
    );
    expect(result).toMatchObject({ status: "succeeded", output: 42 });
    expect(events.map((e) => e.type)).toEqual([
      "run.started",
      "node.started",
      "node.succeeded",
      "node.started",
      "node.succeeded",
      "node.started",
      "node.succeeded",
      "run.succeeded",
    ]);
  });

  it("skips the branch not taken and merges what arrived", async () => {
    const g = graph(
      [
        ["i", "in"],
        ["b", "branch"],
        ["ev", "add", { n: 100 }],
        ["od", "add", { n: 1000 }],
        ["m", "merge"],
        ["o", "out"],
      ],
      [
        ["i", "b"],
        ["b", "ev", "even"],
        ["b", "od", "odd"],
        ["ev", "m"],
        ["od", "m"],
        ["m", "o"],
      ],
    );
    const { result, events } = await run(g, 4);
    expect(result.output).toEqual([104]);
    expect(result.settled.od).toEqual({ status: "skipped" });
    expect(events).toContainEqual({ type: "node.skipped", nodeId: "od" });
  });

  it("runs independent branches concurrently", async () => {
    const g = graph(
      [
        ["i", "in"],
        ["a", "add", { n: 1, delayMs: 60 }],
        ["b", "add", { n: 2, delayMs: 60 }],
        ["m", "merge"],
        ["o", "out"],
      ],
      [
        ["i", "a"],
        ["i", "b"],
        ["a", "m"],
        ["b", "m"],
        ["m", "o"],
      ],
    );
    const started = performance.now();
    const { result } = await run(g, 0);
    expect(performance.now() - started).toBeLessThan(115);
    expect(result.output).toEqual([1, 2]);
  });

  it("retries with a fresh idempotency key per attempt and honours non-retryable errors", async () => {
    flakyFailures = 0;
    calls.length = 0;
    const g = graph(
      [
        ["i", "in"],
        ["f", "flaky", { fail: 2 }, { retries: 3 }],
        ["o", "out"],
      ],
      [
        ["i", "f"],
        ["f", "o"],
      ],
    );
    const { result, events } = await run(g, "x");
    expect(result.status).toBe("succeeded");
    expect(calls).toEqual(["r1:f:1", "r1:f:2", "r1:f:3"]);
    expect(events.filter((e) => e.type === "node.retrying")).toHaveLength(2);

    flakyFailures = 0;
    const fatal = graph(
      [
        ["i", "in"],
        ["f", "flaky", { fail: 1, retryable: false }, { retries: 3 }],
        ["o", "out"],
      ],
      [
        ["i", "f"],
        ["f", "o"],
      ],
    );
    const failed = await run(fatal, "x");
    expect(failed.result).toMatchObject({
      status: "failed",
      error: { code: "provider_error", nodeId: "f" },
    });
    expect(failed.events.filter((e) => e.type === "node.retrying")).toHaveLength(0);
  });

  it("routes errors to the error port or continues with a default, per policy", async () => {
    flakyFailures = 0;
    const routed = graph(
      [
        ["i", "in"],
        ["f", "flaky", { fail: 9 }, { onError: "route" }],
        ["o", "out"],
      ],
      [
        ["i", "f"],
        ["f", "o", "error"],
      ],
    );
    expect((await run(routed, "x")).result.output).toMatchObject({ code: "provider_error" });
    flakyFailures = 0;
    const continued = graph(
      [
        ["i", "in"],
        ["f", "flaky", { fail: 9 }, { onError: "continue", defaultOutput: "fallback" }],
        ["o", "out"],
      ],
      [
        ["i", "f"],
        ["f", "o"],
      ],
    );
    expect((await run(continued, "x")).result.output).toBe("fallback");
  });

  it("times a hanging node out", async () => {
    const g = graph(
      [
        ["i", "in"],
        ["h", "hang", {}, { timeoutMs: 30 }],
        ["o", "out"],
      ],
      [
        ["i", "h"],
        ["h", "o"],
      ],
    );
    const { result } = await run(g, 1);
    expect(result).toMatchObject({ status: "failed", error: { code: "timeout", nodeId: "h" } });
  });

  it("lets dependents run only after the checkpoint made a step durable", async () => {
    const order: string[] = [];
    const g = graph(
      [
        ["i", "in"],
        ["a", "add", { n: 1 }],
        ["o", "out"],
      ],
      [
        ["i", "a"],
        ["a", "o"],
      ],
    );
    const checkpoint = async (nodeId: string) => {
      await new Promise((r) => setTimeout(r, 5));
      order.push(`durable:${nodeId}`);
    };
    const { result, events } = await run(g, 1, { checkpoint });
    for (const e of events) if (e.type === "node.started") order.push(`start:${e.nodeId}`);
    expect(result.output).toBe(2);
    expect(order.indexOf("durable:i")).toBeGreaterThanOrEqual(0);
    const failing = await run(g, 1, {
      checkpoint: async () => Promise.reject(new Error("disk full")),
    });
    expect(failing.result).toMatchObject({
      status: "failed",
      error: { code: "persistence_failed", nodeId: "i" },
    });
    expect(
      failing.events
        .filter((e) => e.type === "node.started")
        .map((e) => (e as { nodeId: string }).nodeId),
    ).toEqual(["i"]);
  });

  it("does not start when the signal is already aborted", async () => {
    calls.length = 0;
    const { result } = await run(
      graph(
        [
          ["i", "in"],
          ["a", "add", { n: 1 }],
          ["o", "out"],
        ],
        [
          ["i", "a"],
          ["a", "o"],
        ],
      ),
      1,
      {
        signal: AbortSignal.abort(),
      },
    );
    expect(result.status).toBe("cancelled");
    expect(calls).toEqual([]);
  });

  it("cancels through the AbortSignal", async () => {
    const controller = new AbortController();
    const g = graph(
      [
        ["i", "in"],
        ["h", "hang"],
        ["o", "out"],
      ],
      [
        ["i", "h"],
        ["h", "o"],
      ],
    );
    setTimeout(() => controller.abort(), 20);
    const { result, events } = await run(g, 1, { signal: controller.signal });
    expect(result.status).toBe("cancelled");
    expect(events.at(-1)).toEqual({ type: "run.cancelled" });
  });

  it("suspends for review and resumes from stored state without re-running completed nodes", async () => {
    calls.length = 0;
    const g = graph(
      [
        ["i", "in"],
        ["a", "add", { n: 1 }],
        ["r", "review"],
        ["ok", "add", { n: 10 }],
        ["no", "add", { n: -10 }],
        ["m", "merge"],
        ["o", "out"],
      ],
      [
        ["i", "a"],
        ["a", "r"],
        ["r", "ok", "approved"],
        ["r", "no", "rejected"],
        ["ok", "m"],
        ["no", "m"],
        ["m", "o"],
      ],
    );
    const first = await run(g, 1);
    expect(first.result.status).toBe("waiting");
    expect(first.result.waiting).toEqual([{ nodeId: "r", payload: { draft: 2 } }]);
    const stored = Object.entries(first.result.settled).map(([nodeId, s]) => ({
      nodeId,
      attempt: 1,
      status: s.status,
      outputs: s.status === "succeeded" ? s.outputs : null,
    }));
    calls.length = 0;
    const resumed = await run(g, 1, {
      resume: rebuildResumeState([...stored, { nodeId: "r", attempt: 1, status: "waiting" }], {
        r: "approve",
      }),
    });
    expect(resumed.result).toMatchObject({ status: "succeeded", output: [12] });
    expect(calls).toEqual(["review:approve", "ok"]);
  });

  it("reports configuration problems instead of running", async () => {
    const { result } = await run(
      graph(
        [
          ["i", "in"],
          ["a", "add", { n: "x" }],
          ["o", "out"],
        ],
        [
          ["i", "a"],
          ["a", "o"],
        ],
      ),
      1,
    );
    expect(result).toMatchObject({
      status: "failed",
      error: { code: "invalid_config", nodeId: "a" },
    });
  });
});
