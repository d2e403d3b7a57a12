import { describe, expect, it } from "vitest";
import { auditLogQuerySchema } from "./audit-log";
import { encodeKeysetCursor } from "./list-query";

const parse = (query: Record<string, string>) => auditLogQuerySchema.safeParse(query);
const issues = (query: Record<string, string>) => {
  const result = parse(query);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("audit log query", () => {
  it("defaults to a page of 50 with no filter, and treats empty parameters as absent", () => {
    expect(parse({}).data).toEqual({ limit: 50 });
    expect(parse({ action: "", actorId: "", targetType: "", from: "" }).data).toEqual({
      limit: 50,
    });
  });

  it("reads actions as a deduplicated list of names or dotted prefixes", () => {
    expect(parse({ action: "flow, prompt.label,flow" }).data).toMatchObject({
      action: ["flow", "prompt.label"],
    });
    expect(issues({ action: "flow.%" })).toEqual([
      'action: "flow.%" is not an action; use names like flow.created or prefixes like flow',
    ]);
    expect(issues({ action: "Flow" })).toHaveLength(1);
    expect(issues({ action: "flow..created" })).toHaveLength(1);
    const many = Array.from({ length: 21 }, (_, i) => `a${i}`).join(",");
    expect(issues({ action: many })).toEqual(["action: At most 20 actions"]);
  });

  it("turns days into inclusive UTC bounds and refuses an end before the start", () => {
    expect(parse({ from: "2026-01-31", to: "2026-01-31" }).data).toMatchObject({
      from: "2026-01-31T00:00:00.000Z",
      to: "2026-01-31T23:59:59.999Z",
    });
    expect(issues({ from: "2026-02-01", to: "2026-01-31" })).toEqual([
      "to: The end is before the start",
    ]);
    expect(issues({ from: "yesterday" })).toHaveLength(1);
  });

  it("checks the target type, the page size and the cursor", () => {
    expect(parse({ targetType: "model_connection", targetId: "c1" }).success).toBe(true);
    expect(issues({ targetType: "flow; drop" })).toEqual([
      "targetType: Use a target type like flow or membership",
    ]);
    expect(issues({ limit: "101" })).toEqual(["limit: At most 100"]);
    const cursor = { createdAt: "2026-01-31T10:00:00.123Z", id: "cmabc123" };
    expect(parse({ cursor: encodeKeysetCursor(cursor) }).data).toMatchObject({ cursor });
    expect(issues({ cursor: "garbage!" })).toEqual([
      "cursor: Not a cursor from this list; start over",
    ]);
  });

  it("refuses unknown parameters", () => {
    expect(issues({ actor: "x" })).toHaveLength(1);
  });
});
