import { describe, expect, it } from "vitest";
import { maskPiiDeep } from "./mask-pii";

describe("maskPiiDeep", () => {
  it("masks strings anywhere in a JSON value and keeps the rest", () => {
    const value = {
      text: "Mail ada@example.com or call +44 20 7946 0958",
      list: ["card 4111 1111 1111 1111", 42, null, true],
      nested: { "ada@example.com": "plain" },
    };
    expect(maskPiiDeep(value)).toEqual({
      text: "Mail [EMAIL] or call [PHONE]",
      list: ["card [CARD]", 42, null, true],
      nested: { "ada@example.com": "plain" },
    });
    expect(value.text).toContain("ada@example.com");
  });

  it("returns values without PII and non-JSON values unchanged", () => {
    const date = new Date(0);
    expect(maskPiiDeep("hello")).toBe("hello");
    expect(maskPiiDeep(date)).toBe(date);
    expect(maskPiiDeep(undefined)).toBeUndefined();
  });
});
