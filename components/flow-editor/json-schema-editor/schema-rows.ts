import { isPlainObject, ownRecord } from "../schema-utils";

/** Property types the visual editor offers. */
export const PROPERTY_TYPES = [
  "string",
  "number",
  "integer",
  "boolean",
  "array",
  "object",
] as const;
/** A property type the visual editor offers. */
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** Keys of a property schema the visual editor edits; any others are kept untouched in `extra`. */
const EDITED_KEYS = new Set(["type", "description", "enum"]);

/** Names a property may not have: assigning them would change an object's prototype. */
export const RESERVED_NAMES = new Set(["__proto__"]);

/** One property of an object schema as a visual row. */
export type PropertyRow = {
  /** Stable across edits, for React keys and focus. */
  id: string;
  name: string;
  required: boolean;
} & (
  | {
      kind: "simple";
      type: PropertyType;
      description?: string;
      /** Allowed values (string properties only). */
      enum?: string[];
      /** Keywords the visual editor does not edit (format, items, minimum...), kept as they are. */
      extra: [string, unknown][];
    }
  /** A property the rows cannot show (no single type, a $ref...): kept verbatim. */
  | { kind: "custom"; schema: unknown }
);

/** An object schema as rows plus everything around them, so writing it back loses nothing. */
export interface SchemaModel {
  rows: PropertyRow[];
  /** Root keywords other than properties and required, in order. */
  rest: [string, unknown][];
  /** Names in `required` that are not properties (kept as they are). */
  otherRequired: string[];
  /** The original `required` list, whose order writing keeps. */
  requiredOrder: string[];
  hadProperties: boolean;
  hadRequired: boolean;
}

/** The model of a schema, or why the visual editor cannot show it. */
export type ModelResult = { ok: true; model: SchemaModel } | { ok: false; reason: string };

const isPropertyType = (type: unknown): type is PropertyType =>
  typeof type === "string" && (PROPERTY_TYPES as readonly string[]).includes(type);

function toRow(name: string, schema: unknown, required: boolean, id: string): PropertyRow {
  const base = { id, name, required };
  if (!isPlainObject(schema) || !isPropertyType(schema.type))
    return { ...base, kind: "custom", schema };
  const { description, enum: values } = schema;
  const simpleEnum = Array.isArray(values) && values.every((v) => typeof v === "string");
  if (description !== undefined && typeof description !== "string")
    return { ...base, kind: "custom", schema };
  if (values !== undefined && (!simpleEnum || schema.type !== "string"))
    return { ...base, kind: "custom", schema };
  return {
    ...base,
    kind: "simple",
    type: schema.type,
    description,
    enum: values as string[] | undefined,
    extra: Object.entries(schema).filter(([key]) => !EDITED_KEYS.has(key)),
  };
}

/** Reads an object schema into rows; `undefined` is an empty object schema. */
export function schemaToModel(schema: unknown, newId: () => string): ModelResult {
  if (schema === undefined) schema = { type: "object" };
  if (!isPlainObject(schema)) return { ok: false, reason: "The schema is not a JSON object." };
  if (schema.type !== undefined && schema.type !== "object")
    return { ok: false, reason: "The schema does not describe an object." };
  const { properties, required } = schema;
  if (properties !== undefined && !isPlainObject(properties))
    return { ok: false, reason: "Its properties are not an object." };
  if (
    required !== undefined &&
    !(Array.isArray(required) && required.every((name) => typeof name === "string"))
  )
    return { ok: false, reason: "Its required list is not a list of names." };
  const names = new Set(required ?? []);
  const entries = Object.entries(properties ?? {});
  const own = new Set(entries.map(([name]) => name));
  return {
    ok: true,
    model: {
      rows: entries.map(([name, child]) => toRow(name, child, names.has(name), newId())),
      rest: Object.entries(schema).filter(([key]) => key !== "properties" && key !== "required"),
      otherRequired: [...names].filter((name) => !own.has(name)),
      requiredOrder: [...names],
      hadProperties: properties !== undefined,
      hadRequired: required !== undefined,
    },
  };
}

function rowSchema(row: PropertyRow): unknown {
  if (row.kind === "custom") return row.schema;
  const entries: [string, unknown][] = [["type", row.type]];
  if (row.description !== undefined) entries.push(["description", row.description]);
  if (row.enum !== undefined && row.type === "string") entries.push(["enum", row.enum]);
  return ownRecord([...entries, ...row.extra]);
}

/** Writes the model back as a JSON schema (call when `nameProblems` is empty). */
export function modelToSchema(model: SchemaModel): Record<string, unknown> {
  const entries: [string, unknown][] = [...model.rest];
  if (model.hadProperties || model.rows.length > 0)
    entries.push(["properties", ownRecord(model.rows.map((row) => [row.name, rowSchema(row)]))]);
  const wanted = new Set([
    ...model.otherRequired,
    ...model.rows.filter((row) => row.required).map((row) => row.name),
  ]);
  const required = new Set(model.requiredOrder.filter((name) => wanted.has(name)));
  for (const name of wanted) required.add(name);
  if (model.hadRequired || required.size > 0) entries.push(["required", [...required]]);
  return ownRecord(entries);
}

/** What is wrong with each row's name, by row id: empty, reserved, or used by an earlier row. */
export function nameProblems(rows: PropertyRow[]): Map<string, string> {
  const problems = new Map<string, string>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.name === "") problems.set(row.id, "Name the property.");
    else if (RESERVED_NAMES.has(row.name))
      problems.set(row.id, `"${row.name}" cannot be a property name; choose another.`);
    else if (seen.has(row.name)) problems.set(row.id, `"${row.name}" is already a property above.`);
    seen.add(row.name);
  }
  return problems;
}

/** The keywords of a row kept beside what the visual editor edits, for a note. */
export function keptKeywords(row: PropertyRow): string[] {
  return row.kind === "simple" ? row.extra.map(([key]) => key) : [];
}
