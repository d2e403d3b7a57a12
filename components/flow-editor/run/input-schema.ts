import { inputConfigSchema, validateRunInput, type InputConfig } from "@/lib/nodes/input.node";
import type { FlowGraph } from "@/lib/engine";

/** The kinds of run-input field the form renders; anything else goes through JSON. */
export type InputFieldKind =
  "text" | "long-text" | "number" | "integer" | "boolean" | "enum" | "lines";

/** One top-level property of the Input schema, as a form field. */
export interface InputField {
  name: string;
  label: string;
  description?: string;
  required: boolean;
  kind: InputFieldKind;
  options?: string[];
}

/** What the form holds per field: text as typed (numbers too), booleans as booleans. */
export type FormValues = Record<string, string | boolean>;

/** Input issues (from the client check or the server's 400) by field name; "" is the whole input. */
export type InputIssues = Map<string, string[]>;

interface PropertySchema {
  type?: unknown;
  title?: unknown;
  description?: unknown;
  enum?: unknown;
  items?: { type?: unknown; enum?: unknown };
  maxLength?: unknown;
}

const LONG_NAMES = /body|text|content|message|description|question|prompt|notes?/i;
const COMPOSITION_KEYS = ["anyOf", "oneOf", "allOf", "not", "$ref", "if", "patternProperties"];

function fieldKind(name: string, schema: PropertySchema): InputFieldKind | null {
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) return "enum";
  if (schema.type === "string") {
    const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
    return (maxLength ?? 0) > 500 || (maxLength === undefined && LONG_NAMES.test(name))
      ? "long-text"
      : "text";
  }
  if (schema.type === "number" || schema.type === "integer" || schema.type === "boolean")
    return schema.type;
  if (schema.type === "array" && schema.items?.type === "string" && !schema.items.enum)
    return "lines";
  return null;
}

/** The Input node of a graph with its parsed settings, or null when it has none or they are invalid. */
export function inputConfigOf(graph: FlowGraph): InputConfig | null {
  const node = graph.nodes.find((n) => n.type === "input");
  if (!node) return null;
  const parsed = inputConfigSchema.safeParse(node.config);
  return parsed.success ? parsed.data : null;
}

/** The form fields of an object schema, or null when it needs the JSON editor (nested, composed, open). */
export function formFields(schema: Record<string, unknown>): InputField[] | null {
  if (schema.type !== "object" || COMPOSITION_KEYS.some((key) => key in schema)) return null;
  const properties = schema.properties;
  if (typeof properties !== "object" || properties === null) return null;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  // Stored schemas may not keep key order (jsonb sorts keys), so required fields lead, in their order.
  const rank = (name: string) =>
    required.includes(name) ? required.indexOf(name) : required.length;
  const entries = Object.entries(properties as Record<string, PropertySchema>).sort(
    ([a], [b]) => rank(a) - rank(b),
  );
  if (entries.length === 0) return null;
  const fields: InputField[] = [];
  for (const [name, property] of entries) {
    const kind = fieldKind(name, property ?? {});
    if (!kind) return null;
    fields.push({
      name,
      label: typeof property.title === "string" ? property.title : name,
      description: typeof property.description === "string" ? property.description : undefined,
      required: required.includes(name),
      kind,
      options: kind === "enum" ? (property.enum as string[]) : undefined,
    });
  }
  return fields;
}

/** The run input the form values make: empty fields are left out, numbers parsed when they parse. */
export function formToInput(fields: InputField[], values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === "boolean") {
      if (typeof value === "boolean") input[field.name] = value;
      continue;
    }
    const text = typeof value === "string" ? value : "";
    if (text.trim() === "") continue;
    if (field.kind === "number" || field.kind === "integer") {
      const number = Number(text);
      // Unparseable text is sent as it is, so the schema check names the field.
      input[field.name] = Number.isFinite(number) ? number : text;
    } else if (field.kind === "lines") {
      input[field.name] = text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
    } else {
      input[field.name] = text;
    }
  }
  return input;
}

/** Form values showing an input (a JSON edit, the previous run's input). */
export function inputToForm(fields: InputField[], input: unknown): FormValues {
  const source =
    typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const values: FormValues = {};
  for (const field of fields) {
    const value = source[field.name];
    if (value === undefined || value === null) continue;
    if (field.kind === "boolean") values[field.name] = value === true;
    else if (field.kind === "lines" && Array.isArray(value)) values[field.name] = value.join("\n");
    else values[field.name] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return values;
}

/** The starting form values: each field's schema default, if any. */
export function defaultFormValues(
  fields: InputField[],
  schema: Record<string, unknown>,
): FormValues {
  const properties = (schema.properties ?? {}) as Record<string, { default?: unknown }>;
  const defaults = Object.fromEntries(
    fields.map((f) => [f.name, properties[f.name]?.default]).filter(([, v]) => v !== undefined),
  );
  return inputToForm(fields, defaults);
}

const MISSING = /must have required property '(.+)'/;

/** Issues keyed by the top-level field they concern ("" for the input as a whole). */
export function issuesByField(issues: { path: string; message: string }[]): InputIssues {
  const byField: InputIssues = new Map();
  for (const issue of issues) {
    const missing = issue.path === "" ? MISSING.exec(issue.message) : null;
    const field = missing
      ? missing[1]!
      : (issue.path.split("/")[1]?.replaceAll("~1", "/").replaceAll("~0", "~") ?? "");
    const message = missing ? "Required." : issue.message;
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return byField;
}

/** Checks an input against the Input node's settings in the browser, as the server will. */
export function checkInput(config: InputConfig | null, input: unknown): InputIssues {
  if (!config) return new Map();
  try {
    return issuesByField(validateRunInput(config, input));
  } catch {
    // An unusable schema is the flow's problem: the server reports it when the run starts.
    return new Map();
  }
}
