import { beforeEach, describe, expect, it } from "vitest";
import { calls, graph, registry, run } from "@/test/engine-fixtures";
import type { FlowGraph } from "./graph";
import { withoutPins } from "./pins";
import { downstreamOf, reusableResults } from "./reuse";

beforeEach(() => {
  calls.length = 0;
});

function pin(g: FlowGraph, nodeId: string, outputs: Record<string, unknown>): FlowGraph {
  return {
    ...g,
    nodes: g.nodes.map((n) => (n.id === nodeId ? { ...n, pin: { outputs } } : n)),
  };
}

const chain = graph(
  [
    ["i", "in"],
    ["a", "add", { n: 2 }],
    ["b", "add", { n: 1 }],
    ["o", "out"],
  ],
  [
    ["i", "a"],
    ["a", "b"],
    ["b", "o"],
  ],
);

const branches = graph(
  [
    ["i", "in"],
    ["br", "branch"],
    ["ev", "add", { n: 100 }],
    ["od", "add", { n: 1000 }],
    ["m", "merge"],
    ["o", "out"],
  ],
  [
    ["i", "br"],
    ["br", "ev", "even"],
    ["br", "od", "odd"],
    ["ev", "m"],
    ["od", "m"],
    ["m", "o"],
  ],
);

describe("pinned outputs", () => {
  it("settles a pinned node with its outputs instead of executing it; they flow downstream", async () => {
    const { result, events } = await run(pin(chain, "a", { out: 100 }), 40);
    expect(result).toMatchObject({ status: "succeeded", output: 101 });
    expect(calls).toEqual(["b"]);
    expect(events).toContainEqual({
      type: "node.succeeded",
      nodeId: "a",
      attempt: 1,
      outputs: { out: 100 },
      latencyMs: 0,
      source: "pinned",
    });
    expect(events.filter((e) => e.type === "node.started").map((e) => e.nodeId)).toEqual([
      "i",
      "b",
      "o",
    ]);
  });

  it("takes the branch a pinned branching node emits on and skips the other", async () => {
    const { result, events } = await run(pin(branches, "br", { odd: 7 }), 4);
    expect(result.output).toEqual([1007]);
    expect(calls).toEqual(["od"]);
    expect(result.settled.ev).toEqual({ status: "skipped" });
    expect(events).toContainEqual({ type: "node.skipped", nodeId: "ev" });
  });

  it("keeps a pinned node on an untaken branch skipped", async () => {
    const { result, events } = await run(pin(branches, "od", { out: 5 }), 4);
    expect(result.output).toEqual([104]);
    expect(result.settled.od).toEqual({ status: "skipped" });
    expect(events.some((e) => e.type === "node.succeeded" && e.source === "pinned")).toBe(false);
  });

  it("is not executed again when the run resumes", async () => {
    const { result, events } = await run(pin(chain, "a", { out: 100 }), 40, {
      resume: { settled: { i: { status: "succeeded", outputs: { out: 40 } } } },
    });
    expect(result.output).toBe(101);
    expect(events.filter((e) => e.type === "node.succeeded").map((e) => e.nodeId)).toEqual([
      "a",
      "b",
      "o",
    ]);
  });

  it("is stripped from a graph by withoutPins, leaving everything else", () => {
    const pinned = pin(chain, "a", { out: 1 });
    const stripped = withoutPins(pinned);
    expect(stripped.nodes.some((n) => "pin" in n)).toBe(false);
    expect(stripped).toEqual(chain);
    expect(pinned.nodes[1]!.pin).toEqual({ outputs: { out: 1 } });
  });
});

describe("reused results (run from here)", () => {
  const previous = {
    i: { status: "succeeded" as const, outputs: { out: 40 } },
    a: { status: "succeeded" as const, outputs: { out: 42 } },
    b: { status: "succeeded" as const, outputs: { out: 43 } },
    o: { status: "succeeded" as const, outputs: { value: 43 } },
  };

  it("reuses everything upstream of the chosen node except the entry, and reruns the rest", () => {
    expect([...downstreamOf(chain, "b")].sort()).toEqual(["b", "o"]);
    expect(reusableResults(chain, registry, "b", previous)).toEqual({ a: previous.a });
    expect(reusableResults(chain, registry, "a", { b: previous.b })).toEqual({});
  });

  it("never executes a reused node and reports it with source reused", async () => {
    const reused = reusableResults(chain, registry, "b", previous);
    const { result, events } = await run(chain, 40, { reused });
    expect(result.output).toBe(43);
    expect(calls).toEqual(["b"]);
    expect(events.slice(0, 2)).toEqual([
      { type: "run.started", runId: "r1" },
      {
        type: "node.succeeded",
        nodeId: "a",
        attempt: 1,
        outputs: { out: 42 },
        latencyMs: 0,
        source: "reused",
      },
    ]);
  });

  it("keeps reused skipped branches skipped", async () => {
    const reused = reusableResults(branches, registry, "m", {
      br: { status: "succeeded", outputs: { even: 4 } },
      ev: { status: "succeeded", outputs: { out: 104 } },
      od: { status: "skipped" },
    });
    const { result, events } = await run(branches, 4, { reused });
    expect(result.output).toEqual([104]);
    expect(calls).toEqual([]);
    expect(events).toContainEqual({ type: "node.skipped", nodeId: "od", source: "reused" });
  });

  it("lets pins and resume state win over reused results", async () => {
    const { result, events } = await run(pin(chain, "a", { out: 0 }), 40, {
      reused: { a: previous.a, b: previous.b },
      resume: { settled: { b: { status: "succeeded", outputs: { out: 7 } } } },
    });
    expect(result.output).toBe(7);
    expect(calls).toEqual([]);
    const sources = events.flatMap((e) =>
      e.type === "node.succeeded" ? [`${e.nodeId}:${e.source ?? "executed"}`] : [],
    );
    expect(sources.sort()).toEqual(["a:pinned", "i:executed", "o:executed"]);
  });
});
