import { describe, expect, it } from "vitest";
import { budgetState, formatUsd, putBudgetSchema } from "./budgets";

describe("budgets schema", () => {
  it("takes limits as decimal strings or numbers and answers decimal strings", () => {
    expect(putBudgetSchema.parse({ limitUsd: 12.5, hardLimit: true })).toEqual({
      limitUsd: "12.5",
      hardLimit: true,
    });
    expect(
      putBudgetSchema.parse({ flowId: null, limitUsd: " 0.0001 ", hardLimit: false }),
    ).toMatchObject({ flowId: null, limitUsd: "0.0001" });
  });

  it("refuses zero, negative, malformed and huge limits with one message each", () => {
    for (const limitUsd of [0, "0", "-1", "1e3", "abc", "1.123456789", "2000000000", null]) {
      const result = putBudgetSchema.safeParse({ limitUsd, hardLimit: true });
      expect(result.success, String(limitUsd)).toBe(false);
      expect(result.error!.issues).toHaveLength(1);
    }
  });

  it("warns from 80 % and is exceeded from 100 %", () => {
    expect([0, 0.79, 0.8, 0.99, 1, 3].map(budgetState)).toEqual([
      "ok",
      "ok",
      "warning",
      "warning",
      "exceeded",
      "exceeded",
    ]);
  });

  it("formats dollars without hiding small amounts", () => {
    expect([
      formatUsd("1234.5"),
      formatUsd("0.0012"),
      formatUsd("0.00000001"),
      formatUsd(0),
    ]).toEqual(["$1,234.50", "$0.0012", "$0.00000001", "$0.00"]);
  });
});
