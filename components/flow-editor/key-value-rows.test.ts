import { describe, expect, it } from "vitest";
import { keyProblems, recordFromRows, rowsFromRecord, type KeyValueRow } from "./key-value-rows";

let seq = 0;
const newId = () => `r${++seq}`;
const row = (key: string, value: string): KeyValueRow => ({ id: newId(), key, value });

describe("key-value rows", () => {
  it("round-trips a record in key order", () => {
    const record = { Accept: "application/json", "X-Trace": "{{ input.id }}" };
    const rows = rowsFromRecord(record, newId);
    expect(rows.map((r) => [r.key, r.value])).toEqual(Object.entries(record));
    expect(keyProblems(rows).size).toBe(0);
    expect(recordFromRows(rows)).toEqual(record);
  });

  it("starts empty for a missing or non-object value", () => {
    expect(rowsFromRecord(undefined, newId)).toEqual([]);
    expect(rowsFromRecord(["a"], newId)).toEqual([]);
  });

  it("reports empty and duplicate keys on the offending row and ignores blank rows", () => {
    const first = row("Accept", "a");
    const duplicate = row("Accept", "b");
    const keyless = row("  ", "value");
    const blank = row("", "");
    const problems = keyProblems([first, duplicate, keyless, blank]);
    expect([...problems.keys()]).toEqual([duplicate.id, keyless.id]);
    expect(problems.get(duplicate.id)).toMatch(/already used/);
    expect(problems.get(keyless.id)).toMatch(/Enter a key/);
    expect(recordFromRows([first, blank])).toEqual({ Accept: "a" });
  });

  it("refuses __proto__ and keeps constructor as a plain key without touching prototypes", () => {
    expect(keyProblems([row("__proto__", "x")]).size).toBe(1);
    const record = recordFromRows([row("constructor", "c"), row("toString", "t")]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(["constructor", "toString"]);
    expect(JSON.parse(JSON.stringify(record))).toEqual({ constructor: "c", toString: "t" });
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it("reads an own __proto__ key from parsed JSON as a row, so it can be fixed", () => {
    const parsed: unknown = JSON.parse('{"__proto__": "x", "ok": "y"}');
    const rows = rowsFromRecord(parsed, newId);
    expect(rows.map((r) => r.key)).toEqual(["__proto__", "ok"]);
    expect(keyProblems(rows).get(rows[0]!.id)).toMatch(/reserved/);
  });
});
