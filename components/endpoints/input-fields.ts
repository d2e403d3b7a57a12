import type { InputConfig } from "@/lib/nodes/input.node";

type Schema = Record<string, unknown>;

/** One top-level field of the Input, as the endpoint page lists it. */
export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** A property's type as people read it: "string", "array of string", "one of: low, high". */
export function typeLabel(schema: unknown): string {
  if (typeof schema !== "object" || schema === null) return "any";
  const s = schema as Schema;
  if (Array.isArray(s.enum)) return `one of: ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const type = Array.isArray(s.type) ? s.type.join(" or ") : s.type;
  if (type === "array") return `array of ${typeLabel(s.items)}`;
  return typeof type === "string" ? type : "any";
}

/**
 * The top-level fields of the Input: chat messages first for a chat Input, then the schema's
 * properties, required ones first (stored schemas may not keep key order).
 */
export function inputFields(config: InputConfig): FieldRow[] {
  const properties = (config.schema.properties ?? {}) as Record<string, Schema>;
  const required = Array.isArray(config.schema.required)
    ? (config.schema.required as string[])
    : [];
  const rows: FieldRow[] = Object.entries(properties).map(([name, property]) => ({
    name,
    type: typeLabel(property),
    required: required.includes(name),
    description: typeof property?.description === "string" ? property.description : "",
  }));
  rows.sort((a, b) => Number(b.required) - Number(a.required));
  if (config.mode !== "chat") return rows;
  return [
    {
      name: "messages",
      type: "array of { role, content }",
      required: true,
      description: "The conversation; role is system, user, assistant or tool.",
    },
    ...rows.filter((row) => row.name !== "messages"),
  ];
}
