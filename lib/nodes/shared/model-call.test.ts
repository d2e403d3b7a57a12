import { describe, expect, it } from "vitest";
import { NodeError } from "@/lib/engine/errors";
import { withTrace } from "./model-call";

describe("withTrace", () => {
  it("adds what a failed call still cost to the trace the engine records", () => {
    const failed = new NodeError("rate limited", "rate_limited", {
      retryable: true,
      retryAfterMs: 1000,
      details: { usage: { inputTokens: 100, outputTokens: 0, cachedTokens: 20 }, costUsd: 0.002 },
    });
    const earlier = {
      usage: { inputTokens: 10, outputTokens: 5, cachedTokens: 0 },
      costUsd: 0.001,
      model: "m",
    };
    const error = withTrace(failed, earlier);
    const trace = (error.options.details as { trace: typeof earlier }).trace;
    expect(trace.usage).toEqual({ inputTokens: 110, outputTokens: 5, cachedTokens: 20 });
    expect(trace.costUsd).toBeCloseTo(0.003, 10);
    expect(error).toMatchObject({
      code: "rate_limited",
      retryable: true,
      options: { retryAfterMs: 1000 },
    });
  });

  it("keeps the trace as is when the failed call reported no usage", () => {
    const trace = (
      withTrace(new NodeError("boom"), { costUsd: 0.5 }).options.details as {
        trace: { costUsd: number };
      }
    ).trace;
    expect(trace.costUsd).toBe(0.5);
  });
});
