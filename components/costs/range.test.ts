import { describe, expect, it } from "vitest";
import {
  addDays,
  filtersFromSearch,
  filtersToSearch,
  presetRange,
  utcDay,
} from "@/components/costs/range";

describe("costs range", () => {
  it("counts days in UTC across month and leap-year ends", () => {
    expect(utcDay(new Date("2026-03-04T23:59:59Z"))).toBe("2026-03-04");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("ends every quick range today, including today", () => {
    expect(presetRange("7d", "2026-11-21")).toEqual({ from: "2026-11-15", to: "2026-11-21" });
    expect(presetRange("30d", "2026-11-21")).toEqual({ from: "2026-10-23", to: "2026-11-21" });
    expect(presetRange("90d", "2026-03-01").from).toBe("2025-12-02");
    expect(presetRange("month", "2026-11-21")).toEqual({ from: "2026-11-01", to: "2026-11-21" });
  });

  it("reads a quick range, custom days and the flow from the address", () => {
    const today = "2026-11-21";
    expect(filtersFromSearch({}, today)).toEqual({
      preset: "30d",
      from: "2026-10-23",
      to: today,
      flowId: null,
    });
    expect(filtersFromSearch({ range: "month", flowId: ["f1", "f2"] }, today)).toEqual({
      preset: "month",
      from: "2026-11-01",
      to: today,
      flowId: "f1",
    });
    expect(filtersFromSearch({ range: "bogus" }, today).preset).toBe("30d");
    // Custom days win over a quick range and are passed on as typed: the API reports what is wrong.
    expect(filtersFromSearch({ range: "7d", from: "2026-01-01", to: "nope" }, today)).toEqual({
      preset: null,
      from: "2026-01-01",
      to: "nope",
      flowId: null,
    });
    expect(filtersFromSearch({ to: "2026-01-01" }, today).from).toBe("");
  });

  it("writes the filters back so they read the same", () => {
    const today = "2026-11-21";
    const cases = [
      { preset: "30d", from: "2026-10-23", to: today, flowId: null },
      { preset: "7d", from: "2026-11-15", to: today, flowId: "flow 1" },
      { preset: null, from: "2026-01-01", to: "2026-02-01", flowId: null },
    ] as const;
    for (const filters of cases) {
      const search = filtersToSearch(filters);
      expect(filtersFromSearch(Object.fromEntries(search), today)).toEqual(filters);
    }
    expect(filtersToSearch(cases[0]).toString()).toBe("");
    expect(filtersToSearch(cases[1]).toString()).toBe("range=7d&flowId=flow+1");
  });
});
