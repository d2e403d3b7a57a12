import { describe, expect, it } from "vitest";
import {
  keptKeywords,
  modelToSchema,
  nameProblems,
  schemaToModel,
  type PropertyRow,
  type SchemaModel,
} from "./schema-rows";

let seq = 0;
const newId = () => `p${++seq}`;

function model(schema: unknown): SchemaModel {
  const result = schemaToModel(schema, newId);
  if (!result.ok) throw new Error(result.reason);
  return result.model;
}

const roundTrip = (schema: unknown) => modelToSchema(model(schema));

describe("JSON schema <-> rows", () => {
  it("reads properties, types, required, descriptions and string enums", () => {
    const { rows } = model({
      type: "object",
      properties: {
        topic: { type: "string", description: "What to write about" },
        tone: { type: "string", enum: ["formal", "casual"] },
        count: { type: "integer" },
      },
      required: ["topic"],
    });
    expect(rows).toMatchObject([
      {
        name: "topic",
        kind: "simple",
        type: "string",
        required: true,
        description: "What to write about",
      },
      { name: "tone", kind: "simple", type: "string", required: false, enum: ["formal", "casual"] },
      { name: "count", kind: "simple", type: "integer", required: false },
    ]);
  });

  it("round-trips schemas exactly, including keywords it does not edit", () => {
    const schemas = [
      { type: "object", additionalProperties: true },
      {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        type: "object",
        properties: {},
        required: [],
      },
      {
        type: "object",
        title: "Ticket",
        additionalProperties: false,
        properties: {
          email: { type: "string", format: "email", minLength: 3, description: "" },
          tags: { type: "array", items: { type: "string" }, maxItems: 5 },
          address: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
          either: { anyOf: [{ type: "string" }, { type: "number" }] },
          nullable: { type: ["string", "null"] },
          anything: true,
          level: { type: "integer", enum: [1, 2, 3] },
        },
        required: ["ghost", "email"],
        dependentRequired: { email: ["tags"] },
      },
    ];
    for (const schema of schemas) expect(roundTrip(schema)).toStrictEqual(schema);
  });

  it("keeps what it cannot edit as custom rows and names the kept keywords", () => {
    const { rows, otherRequired } = model({
      properties: {
        either: { anyOf: [{ type: "string" }] },
        level: { type: "integer", enum: [1, 2] },
        email: { type: "string", format: "email" },
      },
      required: ["ghost"],
    });
    expect(rows.map((r) => r.kind)).toEqual(["custom", "custom", "simple"]);
    expect(keptKeywords(rows[2]!)).toEqual(["format"]);
    expect(otherRequired).toEqual(["ghost"]);
  });

  it("writes edits: added, renamed, re-typed, reordered and required rows", () => {
    const m = model({ type: "object", properties: { a: { type: "string", enum: ["x"] } } });
    const a = m.rows[0] as Extract<PropertyRow, { kind: "simple" }>;
    const b: PropertyRow = {
      id: newId(),
      name: "b",
      required: true,
      kind: "simple",
      type: "boolean",
      extra: [],
    };
    const schema = modelToSchema({ ...m, rows: [b, { ...a, name: "renamed", type: "number" }] });
    expect(schema).toStrictEqual({
      type: "object",
      properties: { b: { type: "boolean" }, renamed: { type: "number" } },
      required: ["b"],
    });
    expect(Object.keys(schema.properties as object)).toEqual(["b", "renamed"]);
  });

  it("starts an empty object schema from nothing", () => {
    const m = model(undefined);
    expect(m.rows).toEqual([]);
    expect(modelToSchema(m)).toStrictEqual({ type: "object" });
  });

  it("refuses schemas it cannot show as rows, with the reason", () => {
    for (const schema of [[], "x", { type: "array" }, { properties: [] }, { required: "a" }])
      expect(schemaToModel(schema, newId)).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it("flags empty, duplicate and __proto__ names", () => {
    const row = (name: string): PropertyRow => ({
      id: newId(),
      name,
      required: false,
      kind: "simple",
      type: "string",
      extra: [],
    });
    const rows = [row("a"), row(""), row("a"), row("__proto__"), row("constructor")];
    const problems = nameProblems(rows);
    expect([...problems.keys()]).toEqual([rows[1]!.id, rows[2]!.id, rows[3]!.id]);
  });

  it("never pollutes prototypes: __proto__ and constructor stay own data properties", () => {
    const raw =
      '{"type":"object","properties":{"__proto__":{"type":"string","polluted":true},"constructor":{"type":"number"}},"required":["__proto__"]}';
    const parsed: unknown = JSON.parse(raw);
    const m = model(parsed);
    expect(m.rows.map((r) => r.name)).toEqual(["__proto__", "constructor"]);
    expect(nameProblems(m.rows).size).toBe(1);
    const written = modelToSchema(m);
    const properties = written.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toEqual(["__proto__", "constructor"]);
    expect(JSON.stringify(written)).toBe(raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
