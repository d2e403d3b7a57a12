import { describe, expect, it } from "vitest";
import type { NodeStatDto } from "@/lib/schemas/node-stats";
import { compactCost, costLevels, errorPercent } from "./cost-scale";

const stat = (nodeId: string, avgCostUsd: string): NodeStatDto => ({
  nodeId,
  executions: 1,
  avgCostUsd,
  avgLatencyMs: 1,
  p95LatencyMs: 1,
  errorRate: 0,
  lastRunAt: "2026-01-01T00:00:00.000Z",
});

describe("cost levels", () => {
  it("ranks nodes against the costliest one", () => {
    const levels = costLevels([
      stat("top", "0.012"),
      stat("half", "0.006"),
      stat("fifth", "0.0024"),
      stat("tiny", "0.0001"),
      stat("none", "0"),
    ]);
    expect(Object.fromEntries(levels)).toEqual({
      top: "high",
      half: "high",
      fifth: "medium",
      tiny: "low",
      none: "free",
    });
  });

  it("calls everything free when nothing cost anything", () => {
    expect([...costLevels([stat("a", "0"), stat("b", "0")]).values()]).toEqual(["free", "free"]);
  });
});

describe("formatting", () => {
  it("shortens costs and error rates", () => {
    expect(compactCost("0")).toBe("$0");
    expect(compactCost("0.000123")).toBe("$0.000123");
    expect(compactCost("0.4213")).toBe("$0.42");
    expect(errorPercent(0)).toBe("0%");
    expect(errorPercent(0.004)).toBe("<1%");
    expect(errorPercent(1 / 3)).toBe("33%");
  });
});
