import { describe, expect, it } from "vitest";
import { costsQuerySchema } from "./costs";

const issues = (query: Record<string, string>) => {
  const result = costsQuerySchema.safeParse(query);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("costs query", () => {
  it("accepts an inclusive day range and an optional flow", () => {
    expect(issues({ from: "2026-01-01", to: "2026-01-01", flowId: "f1" })).toEqual([]);
  });

  it("reports an invalid date on its own field only", () => {
    expect(issues({ from: "2026-13-45", to: "2026-01-31" })).toEqual([
      "from: Use a date like 2026-01-31",
    ]);
  });

  it("refuses a reversed or overlong range", () => {
    expect(issues({ from: "2026-02-01", to: "2026-01-31" })).toEqual([
      "to: The end date is before the start date",
    ]);
    expect(issues({ from: "2000-01-01", to: "2026-01-31" })).toEqual([
      "to: The range is longer than 3660 days",
    ]);
  });
});
