import { describe, expect, it } from "vitest";
import { formatDay, formatRate, formatUsd, formatUsdTick } from "@/components/costs/format";

describe("costs formatting", () => {
  it("shows money with cents, or significant digits when it is less than a cent", () => {
    expect(formatUsd("1234.5")).toBe("$1,234.50");
    expect(formatUsd("0.01")).toBe("$0.01");
    expect(formatUsd("0.00")).toBe("$0.00");
    expect(formatUsd("0.00290600")).toBe("$0.002906");
    expect(formatUsd("0.000123")).toBe("$0.000123");
    expect(formatUsd("0.00120000")).toBe("$0.001200");
    expect(formatUsd(0.000000123456)).toBe("$0.000000123");
    expect(formatUsd(null)).toBe("—");
    expect(formatUsd("x")).toBe("—");
  });

  it("keeps axis ticks short", () => {
    expect(formatUsdTick(12_345)).toBe("$12.3K");
    expect(formatUsdTick(0.5)).toBe("$0.50");
    expect(formatUsdTick(0)).toBe("$0.00");
    expect(formatUsdTick(0.0012)).toBe("$0.0012");
  });

  it("shows rates as percentages, and a dash when unknown", () => {
    expect(formatRate(0.2)).toBe("20 %");
    expect(formatRate(0)).toBe("0 %");
    expect(formatRate(0.0525)).toBe("5.3 %");
    expect(formatRate(null)).toBe("—");
  });

  it("names UTC days whatever the local time zone", () => {
    expect(formatDay("2026-11-01")).toBe("Nov 1");
    expect(formatDay("2026-11-01", true)).toBe("Nov 1, 2026");
  });
});
