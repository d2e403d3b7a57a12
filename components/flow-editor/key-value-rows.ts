import { isPlainObject, ownRecord } from "./schema-utils";

/** One row of the key-value editor (`id` is stable across edits, for React keys and focus). */
export interface KeyValueRow {
  id: string;
  key: string;
  value: string;
}

/** Names a record may not use: assigning them would change an object's prototype. */
export const RESERVED_KEYS = new Set(["__proto__"]);

/** The rows of a string record, in its key order (non-string values are shown as JSON). */
export function rowsFromRecord(value: unknown, newId: () => string): KeyValueRow[] {
  if (!isPlainObject(value)) return [];
  return Object.entries(value).map(([key, v]) => ({
    id: newId(),
    key,
    value: typeof v === "string" ? v : JSON.stringify(v),
  }));
}

const isBlank = (row: KeyValueRow) => row.key.trim() === "" && row.value === "";

/** What is wrong with each row's key, by row id: empty, reserved, or used by an earlier row. */
export function keyProblems(rows: KeyValueRow[]): Map<string, string> {
  const problems = new Map<string, string>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (isBlank(row)) continue;
    if (row.key.trim() === "") problems.set(row.id, "Enter a key for this value.");
    else if (RESERVED_KEYS.has(row.key)) problems.set(row.id, `"${row.key}" is a reserved name.`);
    else if (seen.has(row.key)) problems.set(row.id, `"${row.key}" is already used above.`);
    seen.add(row.key);
  }
  return problems;
}

/** The record the rows stand for; blank rows are left out (call when `keyProblems` is empty). */
export function recordFromRows(rows: KeyValueRow[]): Record<string, string> {
  return ownRecord(rows.filter((row) => !isBlank(row)).map((row) => [row.key, row.value] as const));
}
