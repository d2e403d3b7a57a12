import { describe, expect, it } from "vitest";
import { runFeedbackSchema } from "./feedback";

describe("runFeedbackSchema", () => {
  it("accepts a rating alone or with a score and a trimmed comment", () => {
    expect(runFeedbackSchema.parse({ rating: "good" })).toEqual({ rating: "good" });
    expect(runFeedbackSchema.parse({ rating: "bad", score: 0, comment: "  wrong tone " })).toEqual({
      rating: "bad",
      score: 0,
      comment: "wrong tone",
    });
    expect(runFeedbackSchema.parse({ rating: "good", score: 1 }).score).toBe(1);
  });

  it("refuses other ratings, scores outside 0..1, long comments and unknown fields", () => {
    const bad = [
      {},
      { rating: "meh" },
      { rating: "good", score: 1.01 },
      { rating: "good", score: -0.1 },
      { rating: "good", score: "0.5" },
      { rating: "good", comment: "x".repeat(2_001) },
      { rating: "good", authorId: "u1" },
    ];
    for (const body of bad) expect(runFeedbackSchema.safeParse(body).success).toBe(false);
    expect(
      runFeedbackSchema.safeParse({ rating: "good", comment: "x".repeat(2_000) }).success,
    ).toBe(true);
  });
});
