import { describe, expect, it } from "vitest";
import { calls, graph, run } from "@/test/engine-fixtures";

describe("runFlow scheduling", () => {
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
