import { describe, expect, it } from "vitest";
import { costsExportHref, costsKey, costsSearch } from "@/lib/query/costs";

describe("costs query", () => {
  const range = { from: "2026-11-01", to: "2026-11-21", flowId: null };

  it("sends the range and the flow only when one is chosen", () => {
    expect(costsSearch(range).toString()).toBe("from=2026-11-01&to=2026-11-21");
    expect(costsSearch({ ...range, flowId: "a&b" }).toString()).toBe(
      "from=2026-11-01&to=2026-11-21&flowId=a%26b",
    );
  });

  it("links each export view with the page's filters", () => {
    expect(costsExportHref("node", { ...range, flowId: "f1" })).toBe(
      "/api/costs/export?view=node&from=2026-11-01&to=2026-11-21&flowId=f1",
    );
  });

  it("keys reports by workspace and filters", () => {
    expect(costsKey("w1", range)).toEqual(["workspace", "w1", "costs", range]);
  });
});
