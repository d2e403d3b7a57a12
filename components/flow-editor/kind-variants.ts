import type { JsonSchema } from "./schema-utils";

/** Variants of a union whose options are objects told apart by a constant `kind`. */
export function kindVariants(schema: JsonSchema): JsonSchema[] | null {
  const options = schema.oneOf ?? schema.anyOf;
  if (!options || options.length < 2) return null;
  const ok = options.every(
    (o) => o.type === "object" && o.properties?.kind && typeof o.properties.kind.const === "string",
  );
  return ok ? options : null;
}

/** A variant's label: its kind, plus its own required keys when the kind is shared. */
export function variantLabel(option: JsonSchema, all: JsonSchema[]): string {
  const kind = String(option.properties?.kind?.const);
  const siblings = all.filter((o) => o.properties?.kind?.const === kind);
  if (siblings.length < 2) return kind.replace(/_/g, " ");
  const shared = (key: string) => siblings.every((o) => o.required?.includes(key));
  const own = (option.required ?? []).filter((k) => k !== "kind" && !shared(k));
  return `${kind.replace(/_/g, " ")} (${own.join(", ")})`;
}

/** The index of the variant `value` matches best, or -1. */
export function variantIndex(options: JsonSchema[], value: unknown): number {
  const v = (value ?? {}) as Record<string, unknown>;
  const same = options
    .map((o, i) => [o, i] as const)
    .filter(([o]) => o.properties?.kind?.const === v.kind);
  const exact = same.find(([o]) => (o.required ?? []).every((k) => v[k] !== undefined));
  return (exact ?? same[0])?.[1] ?? -1;
}

/** A starting value for a new list item or union variant. */
export function emptyValue(schema: JsonSchema | undefined): unknown {
  if (!schema) return null;
  const variants = kindVariants(schema);
  if (variants) return { kind: variants[0]!.properties!.kind!.const };
  if (schema.type === "object") {
    const out: Record<string, unknown> = {};
    if (schema.properties?.kind?.const !== undefined) out.kind = schema.properties.kind.const;
    return out;
  }
  if (schema.type === "array") return [];
  if (schema.type === "string") return "";
  if (schema.type === "number" || schema.type === "integer") return 0;
  if (schema.type === "boolean") return false;
  return null;
}
