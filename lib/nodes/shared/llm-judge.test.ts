import { describe, expect, it } from "vitest";
import { parseJudgeAnswer } from "./llm-judge";

describe("parseJudgeAnswer", () => {
  it("reads JSON wrapped in fences or chatter and clamps the score", () => {
    expect(
      parseJudgeAnswer('Sure!\n```json\n{"pass": false, "score": 1.7, "reason": "r"}\n```'),
    ).toEqual({
      pass: false,
      score: 1,
      reason: "r",
    });
    expect(parseJudgeAnswer('{"pass": "true", "score": "0.25"}')).toEqual({
      pass: true,
      score: 0.25,
      reason: "",
    });
    expect(parseJudgeAnswer('{"pass": true}')).toEqual({ pass: true, score: 1, reason: "" });
  });

  it("returns null when there is no usable answer", () => {
    for (const text of [
      "yes",
      "{not json}",
      '{"score": 0.5}',
      '{"pass": "maybe"}',
      '{"pass": true, "score": "high"}',
    ]) {
      expect(parseJudgeAnswer(text), text).toBeNull();
    }
  });
});
