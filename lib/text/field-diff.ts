import type { DiffField } from "@/lib/schemas/flows";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values (object key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  );
}

/** Leaf differences under `path`: objects are walked key by key, arrays and scalars compared whole. */
export function fieldDiffs(path: string, before: unknown, after: unknown, out: DiffField[]): void {
  if (deepEqual(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) fieldDiffs(`${path}.${key}`, before[key], after[key], out);
    return;
  }
  const field: DiffField = { path };
  if (before !== undefined) field.before = before;
  if (after !== undefined) field.after = after;
  out.push(field);
}
