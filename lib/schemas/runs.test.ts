import { describe, expect, it } from "vitest";
import { startRunSchema } from "./runs";

describe("startRunSchema", () => {
  const from = { runId: "run_1", nodeId: "ask" };

  it("accepts run from here on the draft and leaves the input to default later", () => {
    expect(startRunSchema.parse({ from })).toEqual({ from, waitMs: 0 });
  });

  it("refuses run from here combined with a version", () => {
    const parsed = startRunSchema.safeParse({ from, versionId: "v1" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ["from"], message: expect.stringContaining("draft") }),
    ]);
  });

  it("refuses an incomplete or unknown from field", () => {
    expect(startRunSchema.safeParse({ from: { runId: "r" } }).success).toBe(false);
    expect(startRunSchema.safeParse({ from: { ...from, extra: 1 } }).success).toBe(false);
  });
});
