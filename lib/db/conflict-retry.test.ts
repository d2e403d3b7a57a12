import { describe, expect, it } from "vitest";
import { isRetryableConflict, retryOnConflict } from "./conflict-retry";

const deadlock = Object.assign(new Error("deadlock detected"), {
  code: "P2010",
  meta: { driverAdapterError: { cause: { originalCode: "40P01" } } },
});

describe("retryOnConflict", () => {
  it("recognises deadlocks and serialization failures, nothing else", () => {
    expect(isRetryableConflict(deadlock)).toBe(true);
    expect(isRetryableConflict({ code: "P2034" })).toBe(true);
    expect(isRetryableConflict({ code: "40001" })).toBe(true);
    expect(isRetryableConflict({ code: "23505" })).toBe(false);
    expect(isRetryableConflict({ code: "P2002" })).toBe(false);
    expect(isRetryableConflict(new Error("boom"))).toBe(false);
    expect(isRetryableConflict(null)).toBe(false);
  });

  it("runs the work again after a conflict and returns its result", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw deadlock;
      return "settled";
    });
    expect({ result, calls }).toEqual({ result: "settled", calls: 3 });
  });

  it("gives up after the last attempt, and never retries other errors", async () => {
    let conflicts = 0;
    await expect(
      retryOnConflict(async () => {
        conflicts++;
        throw deadlock;
      }, 2),
    ).rejects.toBe(deadlock);
    expect(conflicts).toBe(2);
    let others = 0;
    const boom = new Error("boom");
    await expect(
      retryOnConflict(async () => {
        others++;
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(others).toBe(1);
  });
});
