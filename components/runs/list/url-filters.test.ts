import { describe, expect, it } from "vitest";
import { NO_RUN_FILTERS, hasRunFilters, runFiltersSearch } from "@/lib/query/run-list";
import { runFiltersFromSearch } from "./url-filters";

const fromQuery = (query: string) => runFiltersFromSearch(new URLSearchParams(query));

describe("runs page filters in the address", () => {
  it("reads nothing as no filter", () => {
    expect(fromQuery("")).toEqual(NO_RUN_FILTERS);
    expect(hasRunFilters(fromQuery("q=%20%20&status="))).toBe(false);
  });

  it("keeps known list values in a stable order", () => {
    expect(fromQuery("status=failed,bogus,queued&trigger=api").status).toEqual([
      "queued",
      "failed",
    ]);
    expect(fromQuery("trigger=api,replay,api").trigger).toEqual(["api", "replay"]);
  });

  it("drops a version without its flow", () => {
    expect(fromQuery("flowVersionId=v1").flowVersionId).toBe("");
    expect(fromQuery("flowId=f1&flowVersionId=v1")).toMatchObject({
      flowId: "f1",
      flowVersionId: "v1",
    });
  });

  it("round-trips through the query string the API reads", () => {
    const query = "flowId=f1&status=running%2Cwaiting&rating=good&from=2026-01-01&q=50%25+off";
    const filters = fromQuery(query);
    expect(filters).toMatchObject({ q: "50% off", status: ["running", "waiting"] });
    expect(runFiltersSearch(filters).toString()).toBe(query);
    expect(hasRunFilters(filters)).toBe(true);
  });
});
