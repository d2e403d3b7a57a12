import { describe, expect, it } from "vitest";
import { decodeKeysetCursor, encodeKeysetCursor } from "./list-query";
import { runListQuerySchema } from "./run-list";

const parse = (query: Record<string, string>) => runListQuerySchema.safeParse(query);
const issues = (query: Record<string, string>) => {
  const result = parse(query);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("run list query", () => {
  it("defaults to a page of 50 with no filter, and treats empty parameters as absent", () => {
    expect(parse({}).data).toEqual({ limit: 50 });
    expect(parse({ status: "", q: "", from: "", limit: "" }).data).toEqual({ limit: 50 });
  });

  it("parses comma-separated lists, deduplicated", () => {
    expect(parse({ status: "failed, running,failed", trigger: "api" }).data).toMatchObject({
      status: ["failed", "running"],
      trigger: ["api"],
    });
    expect(issues({ status: "failed,done" })).toEqual([
      'status: Unknown status "done"; use queued, running, waiting, succeeded, failed, cancelled',
    ]);
    expect(issues({ trigger: "cron" })).toHaveLength(1);
    expect(issues({ rating: "meh" })).toEqual(["rating: Use good, bad, unrated"]);
  });

  it("turns days into inclusive UTC bounds and keeps instants", () => {
    expect(parse({ from: "2026-01-31", to: "2026-01-31" }).data).toMatchObject({
      from: "2026-01-31T00:00:00.000Z",
      to: "2026-01-31T23:59:59.999Z",
    });
    expect(parse({ from: "2026-01-31T10:00:00+02:00" }).data).toMatchObject({
      from: "2026-01-31T08:00:00.000Z",
    });
  });

  it("refuses bad dates on their own field and a reversed range", () => {
    const message = "Use a date like 2026-01-31 or a date and time like 2026-01-31T09:30:00Z";
    expect(issues({ from: "2026-13-45" })).toEqual([`from: ${message}`]);
    expect(issues({ to: "yesterday" })).toEqual([`to: ${message}`]);
    expect(issues({ from: "2026-02-01", to: "2026-01-31" })).toEqual([
      "to: The end is before the start",
    ]);
  });

  it("accepts a decimal minimum cost and refuses a negative or malformed one", () => {
    expect(parse({ minCostUsd: "0.05" }).data).toMatchObject({ minCostUsd: "0.05" });
    expect(issues({ minCostUsd: "-1" })).toEqual([
      "minCostUsd: The minimum cost cannot be negative",
    ]);
    expect(issues({ minCostUsd: "1e3" })).toEqual([
      "minCostUsd: Use a decimal amount in USD like 0.05",
    ]);
  });

  it("trims the search and refuses one over 500 characters", () => {
    expect(parse({ q: "  50% off  " }).data).toMatchObject({ q: "50% off" });
    expect(issues({ q: "x".repeat(10_000) })).toEqual([
      "q: The search is longer than 500 characters",
    ]);
  });

  it("bounds the page size", () => {
    expect(parse({ limit: "100" }).data).toMatchObject({ limit: 100 });
    expect(issues({ limit: "0" })).toEqual(["limit: At least 1"]);
    expect(issues({ limit: "101" })).toEqual(["limit: At most 100"]);
    expect(issues({ limit: "ten" })).toEqual(["limit: Use a whole number"]);
  });

  it("round-trips a cursor and refuses garbage", () => {
    const cursor = { createdAt: "2026-01-31T10:00:00.123Z", id: "cmabc123" };
    const text = encodeKeysetCursor(cursor);
    expect(text).toMatch(/^[\w-]+$/);
    expect(parse({ cursor: text }).data).toMatchObject({ cursor });
    const refused = ["not a cursor", "abc", Buffer.from('["x","y"]').toString("base64url")];
    for (const garbage of refused) {
      expect(issues({ cursor: garbage })).toEqual([
        "cursor: Not a cursor from this list; start over",
      ]);
    }
    expect(decodeKeysetCursor("%%%")).toBeNull();
  });

  it("refuses unknown parameters", () => {
    expect(issues({ statuses: "failed" })).toHaveLength(1);
  });
});
