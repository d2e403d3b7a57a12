import { describe, expect, it } from "vitest";
import type { CostsByNode } from "@/lib/schemas/costs";
import {
  averageCost,
  dailySeries,
  flowBars,
  modelBars,
  peakOf,
  sortNodes,
  topWithOther,
} from "@/components/costs/chart-data";

const day = (d: string, costUsd: string) => ({
  day: d,
  costUsd,
  tokensIn: 10,
  tokensOut: 5,
  tokensCached: 1,
});

const node = (nodeId: string, over: Partial<CostsByNode>): CostsByNode => ({
  flowId: "f",
  flowName: "F",
  nodeId,
  nodeType: "llm",
  nodeLabel: nodeId,
  costUsd: "0",
  tokensIn: 0,
  tokensOut: 0,
  tokensCached: 0,
  executed: 1,
  failed: 0,
  errorRate: 0,
  reviews: 0,
  reviewRate: null,
  latencyMs: { avg: null, p50: null, p95: null, p99: null },
  ...over,
});

describe("costs chart data", () => {
  it("fills every day of the range, zero where nothing was spent", () => {
    const points = dailySeries([day("2026-11-02", "0.5")], "2026-11-01", "2026-11-03");
    expect(points.map((p) => [p.day, p.cost, p.tokensIn])).toEqual([
      ["2026-11-01", 0, 0],
      ["2026-11-02", 0.5, 10],
      ["2026-11-03", 0, 0],
    ]);
  });

  it("plots the reported days as they are when the range is not a valid one", () => {
    const rows = [day("2026-11-02", "0.5")];
    expect(dailySeries(rows, "", "2026-11-03")).toHaveLength(1);
    expect(dailySeries(rows, "2026-11-05", "2026-11-03")).toHaveLength(1);
  });

  it("keeps the largest bars and sums the rest as Other", () => {
    const rows = [1, 5, 3, 2, 4].map((cost) => ({ name: `n${cost}`, cost }));
    expect(topWithOther(rows, 5).map((r) => r.name)).toEqual(["n5", "n4", "n3", "n2", "n1"]);
    expect(topWithOther(rows, 3)).toEqual([
      { name: "n5", cost: 5 },
      { name: "n4", cost: 4 },
      { name: "Other (3)", cost: 6 },
    ]);
  });

  it("names flow and model bars", () => {
    const flow = { flowId: "a", flowName: "Triage", costUsd: "0.25", attempts: 1 };
    const tokens = { tokensIn: 0, tokensOut: 0, tokensCached: 0 };
    expect(flowBars([{ ...flow, ...tokens }])).toEqual([{ name: "Triage", cost: 0.25 }]);
    const model = { provider: "openai", model: "gpt-4o", costUsd: "1", calls: 2, ...tokens };
    expect(modelBars([model])).toEqual([{ name: "openai / gpt-4o", cost: 1 }]);
  });

  it("sorts nodes by spend, latency or error rate with unknown values last", () => {
    const rows = [
      node("a", {
        costUsd: "0.2",
        errorRate: null,
        latencyMs: { avg: 1, p50: 1, p95: 300, p99: 1 },
      }),
      node("b", { costUsd: "0.9", errorRate: 0.5 }),
      node("c", {
        costUsd: "0.05",
        errorRate: 0.1,
        latencyMs: { avg: 1, p50: 1, p95: 900, p99: 1 },
      }),
    ];
    const ids = (sorted: CostsByNode[]) => sorted.map((r) => r.nodeId).join("");
    expect(ids(sortNodes(rows, { key: "spend", descending: true }))).toBe("bac");
    expect(ids(sortNodes(rows, { key: "spend", descending: false }))).toBe("cab");
    expect(ids(sortNodes(rows, { key: "latency", descending: true }))).toBe("cab");
    expect(ids(sortNodes(rows, { key: "latency", descending: false }))).toBe("acb");
    expect(ids(sortNodes(rows, { key: "errorRate", descending: true }))).toBe("bca");
  });

  it("averages spend per executed attempt and finds the peak", () => {
    expect(averageCost({ costUsd: "0.3", executed: 3 })).toBeCloseTo(0.1);
    expect(averageCost({ costUsd: "0", executed: 0 })).toBeNull();
    expect(peakOf([{ v: 1 }, { v: 3 }, { v: 2 }], (p) => p.v)).toEqual({ v: 3 });
    expect(peakOf([], () => 0)).toBeNull();
  });
});
