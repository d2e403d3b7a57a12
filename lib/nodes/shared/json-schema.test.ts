import { describe, expect, it } from "vitest";
import { compileSchema, schemaIssues, schemaProblem } from "./json-schema";

describe("json-schema helpers", () => {
  it("compiles schemas that share an $id independently", () => {
    const a = compileSchema({ $id: "https://example.com/s", type: "string" });
    const b = compileSchema({ $id: "https://example.com/s", type: "number" });
    expect(schemaIssues(a, "x")).toEqual([]);
    expect(schemaIssues(b, "x")).toEqual([{ path: "", message: "must be number" }]);
  });

  it("refuses $data references", () => {
    const schema = {
      properties: { max: { type: "number" }, value: { maximum: { $data: "1/max" } } },
    };
    expect(schemaProblem(schema)).toMatch(/maximum must be number/);
    expect(() => compileSchema(schema)).toThrow(/schema is invalid/);
  });

  it("caps the number of reported issues", () => {
    const validate = compileSchema({ type: "array", items: { type: "string" } });
    expect(
      schemaIssues(
        validate,
        Array.from({ length: 100 }, (_, i) => i),
      ),
    ).toHaveLength(20);
  });

  it("explains why a schema cannot be used", () => {
    expect(schemaProblem({ type: "object" })).toBeNull();
    expect(schemaProblem({ type: 5 })).toMatch(/Not a valid JSON schema/);
    expect(schemaProblem({ $schema: "http://unknown/meta" })).toMatch(/Not a valid JSON schema/);
    expect(schemaProblem({ description: "x".repeat(100_000) })).toMatch(/larger than 100 kB/);
    expect(() => compileSchema({ description: "x".repeat(100_000) })).toThrow(/larger than/);
  });
});
