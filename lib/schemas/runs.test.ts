import { describe, expect, it } from "vitest";
import { replayRunSchema, resumeRunSchema, startRunSchema } from "./runs";

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

describe("replayRunSchema", () => {
  it("replays the same version by default and accepts the latest one", () => {
    expect(replayRunSchema.parse({})).toEqual({ version: "same", waitMs: 0 });
    expect(replayRunSchema.parse({ version: "latest", waitMs: 500 })).toEqual({
      version: "latest",
      waitMs: 500,
    });
  });

  it("refuses another version word, a wait over a minute and unknown fields", () => {
    expect(replayRunSchema.safeParse({ version: "v3" }).success).toBe(false);
    expect(replayRunSchema.safeParse({ waitMs: 60_001 }).success).toBe(false);
    expect(replayRunSchema.safeParse({ input: {} }).success).toBe(false);
  });
});

describe("resumeRunSchema", () => {
  it("takes only an optional wait", () => {
    expect(resumeRunSchema.parse({})).toEqual({ waitMs: 0 });
    expect(resumeRunSchema.safeParse({ waitMs: -1 }).success).toBe(false);
    expect(resumeRunSchema.safeParse({ fromNodeId: "a" }).success).toBe(false);
  });
});
