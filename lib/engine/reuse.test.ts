import { describe, expect, it } from "vitest";
import { graph, registry } from "@/test/engine-fixtures";
import { downstreamOfAll, resumableResults } from "./reuse";
import type { SettledNode } from "./state";

/** i -> a -> b -> o, and i -> c -> d -> o: two independent branches joined at the output. */
const twoBranches = graph(
  [
    ["i", "in"],
    ["a", "add", { n: 1 }],
    ["b", "add", { n: 1 }],
    ["c", "add", { n: 1 }],
    ["d", "add", { n: 1 }],
    ["o", "out"],
  ],
  [
    ["i", "a"],
    ["a", "b"],
    ["b", "o"],
    ["i", "c"],
    ["c", "d"],
    ["d", "o"],
  ],
);

const ok = (out: number): SettledNode => ({ status: "succeeded", outputs: { out } });
const previous: Record<string, SettledNode> = { i: ok(0), a: ok(1), c: ok(1), d: ok(2) };

describe("downstreamOfAll", () => {
  it("collects every given node and what follows any of them", () => {
    expect([...downstreamOfAll(twoBranches, ["b", "c"])].sort()).toEqual(["b", "c", "d", "o"]);
    expect(downstreamOfAll(twoBranches, [])).toEqual(new Set());
  });
});

describe("resumableResults", () => {
  it("reuses every settled node except the failed one, what follows it, and the entry node", () => {
    expect(resumableResults(twoBranches, registry, ["b"], previous)).toEqual({
      a: ok(1),
      c: ok(1),
      d: ok(2),
    });
  });

  it("reruns downstream of every failed node", () => {
    expect(resumableResults(twoBranches, registry, ["b", "d"], previous)).toEqual({
      a: ok(1),
      c: ok(1),
    });
    expect(resumableResults(twoBranches, registry, ["a", "c"], previous)).toEqual({});
  });

  it("keeps skipped results and never invents results for unsettled nodes", () => {
    const skipped: Record<string, SettledNode> = { ...previous, b: { status: "skipped" } };
    expect(resumableResults(twoBranches, registry, ["d"], skipped)).toEqual({
      a: ok(1),
      b: { status: "skipped" },
      c: ok(1),
    });
  });

  it("reuses everything settled but the entry node when nothing failed", () => {
    expect(Object.keys(resumableResults(twoBranches, registry, [], previous)).sort()).toEqual([
      "a",
      "c",
      "d",
    ]);
  });
});
