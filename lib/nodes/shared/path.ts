import { z } from "zod";

/** Property names a path, a mapping key or an expression may never name. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

const SEGMENT = /^[A-Za-z0-9_$-]+$/;

/** True when every dot-separated segment is a plain name or index and none is forbidden. */
export function isSafePath(path: string): boolean {
  return path.split(".").every((s) => SEGMENT.test(s) && !FORBIDDEN_KEYS.has(s));
}

/** A dot path such as `input.customer.email` or `items.0.name`, checked by `isSafePath`. */
export const dotPathSchema = z.string().min(1).max(500).refine(isSafePath, {
  message: "Use dot-separated names or indexes (never __proto__, constructor or prototype)",
});

/** Reads a dot path through own properties only; undefined when any step is missing. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split(".")) {
    if (FORBIDDEN_KEYS.has(segment)) return undefined;
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The variables a node exposes for its input: the input's own fields plus `input` itself. */
export function scopeOf(input: unknown): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    for (const [key, value] of Object.entries(input)) {
      if (!FORBIDDEN_KEYS.has(key)) scope[key] = value;
    }
  }
  scope.input = input;
  return scope;
}

/** The value without own keys named __proto__, constructor or prototype at any depth (same reference when clean). */
export function withoutForbiddenKeys<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => withoutForbiddenKeys(item));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      changed = true;
      continue;
    }
    const clean = withoutForbiddenKeys(field);
    changed ||= clean !== field;
    copy[key] = clean;
  }
  return (changed ? copy : value) as T;
}
