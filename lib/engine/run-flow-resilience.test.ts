import { describe, expect, it } from "vitest";
import { calls, flakiness, graph, run } from "@/test/engine-fixtures";
import { rebuildResumeState } from "./state";

describe("runFlow resilience and resume", () => {
  it("retries with a fresh idempotency key per attempt and honours non-retryable errors", async () => {
    flakiness.failures = 0;
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

    flakiness.failures = 0;
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
    flakiness.failures = 0;
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
    flakiness.failures = 0;
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

  it("waits for durability only before a node with side effects, never at a pure node", async () => {
    const g = graph(
      [
        ["i", "in"],
        ["a", "add", { n: 1 }],
        ["m", "merge"],
        ["o", "out"],
      ],
      [
        ["i", "a"],
        ["a", "m"],
        ["m", "o"],
      ],
    );
    const order: string[] = [];
    const checkpoint = async (nodeId: string) => {
      await new Promise((r) => setTimeout(r, 5));
      order.push(`durable:${nodeId}`);
    };
    const { result } = await run(g, 7, {
      checkpoint,
      onEvent: (e) => {
        if (e.type === "node.started") order.push(`start:${e.nodeId}`);
      },
    });
    expect(result.output).toEqual([8]);
    // Add waits for Input's step; Merge (pure) goes on before Add's step is durable and Output
    // waits for it; Output's own step ends the run and is left to the run's settle.
    expect(order).toEqual(["start:i", "durable:i", "start:a", "start:m", "durable:a", "start:o"]);
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
});
