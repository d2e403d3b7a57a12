import { describe, expect, it } from "vitest";
import { parametersSchema } from "./model-config";

describe("simulated model knobs in a node's parameters", () => {
  it("accepts latency and failure knobs", () => {
    const parsed = parametersSchema.parse({
      temperature: 0,
      simulated: { latencyMs: 30, failureRate: 1, failureKind: "rate_limit" },
    });
    expect(parsed.simulated).toEqual({ latencyMs: 30, failureRate: 1, failureKind: "rate_limit" });
  });

  it("refuses out-of-range and unknown knobs", () => {
    expect(parametersSchema.safeParse({ simulated: { failureRate: 2 } }).success).toBe(false);
    expect(parametersSchema.safeParse({ simulated: { chaos: true } }).success).toBe(false);
  });
});
