/** The subset of JSON Schema (as `z.toJSONSchema` writes it) the form understands. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  format?: string;
  default?: unknown;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** A connection and its models, for the model picker. */
export interface ModelOption {
  name: string;
  models: string[];
  provider: string;
}

/** A location inside a config value: object keys and list indexes. */
export type Path = (string | number)[];

/** Field errors by dotted path ("" for the whole config). */
export type FieldErrors = Map<string, string[]>;

/** The dotted key of a path, as used by `FieldErrors`. */
export const pathKey = (path: Path) => path.join(".");

/** `value` with `next` set at `path` (undefined removes the key). */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  const head = path[0];
  if (head === undefined) return next;
  const rest = path.slice(1);
  if (typeof head === "number") {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    const child = setIn(list[head], rest, next);
    if (child === undefined) list.splice(head, 1);
    else list[head] = child;
    return list;
  }
  const base: Record<string, unknown> =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>) }
      : {};
  const child = setIn(base[head], rest, next);
  if (child === undefined) delete base[head];
  else base[head] = child;
  return base;
}

/** The value at `path` inside `value`, or undefined. */
export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key as string];
  }
  return current;
}

/** The errors at `path` (and below it when `deep`) joined into one message. */
export function errorsAt(errors: FieldErrors, path: Path, deep: boolean): string | undefined {
  const key = pathKey(path);
  const found: string[] = [];
  for (const [p, messages] of errors) {
    if (p === key || (deep && p.startsWith(`${key}.`)))
      found.push(...messages.map((m) => (p === key ? m : `${p.slice(key.length + 1)}: ${m}`)));
  }
  return found.length > 0 ? found.join("; ") : undefined;
}

/** A field's label: the schema title, or the capitalised property name. */
export function titleOf(schema: JsonSchema, name: string): string {
  return schema.title ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/** What every field receives from its parent. */
export interface FieldProps {
  name: string;
  schema: JsonSchema;
  path: Path;
  root: unknown;
  required: boolean;
  errors: FieldErrors;
  models: ModelOption[];
  variables: string[];
  onChange: (path: Path, value: unknown) => void;
  depth: number;
}

/** A field's props plus what the dispatcher has worked out for the widget. */
export interface WidgetProps extends FieldProps {
  id: string;
  value: unknown;
  label: string;
  hint?: string;
  set: (next: unknown) => void;
}

/**
 * An object with these own entries, set with `Object.defineProperty` so a key such as
 * `__proto__` stays a plain data property instead of changing the prototype.
 */
export function ownRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a schema is a string-to-string record (no fixed properties), edited as key-value rows. */
export function isStringRecord(schema: JsonSchema): boolean {
  const extra = schema.additionalProperties;
  return (
    schema.type === "object" &&
    Object.keys(schema.properties ?? {}).length === 0 &&
    typeof extra === "object" &&
    extra.type === "string"
  );
}

/** Props of a standalone field widget: a labelled control over one value. */
export interface ValueFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}
