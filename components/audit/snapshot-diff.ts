import type { DiffField } from "@/lib/schemas/flows";
import { fieldDiffs } from "@/lib/text/field-diff";

/** How an event changed its target: created (after only), removed (before only), changed, or nothing recorded. */
export type SnapshotChange =
  | { kind: "none" }
  | { kind: "created"; after: unknown }
  | { kind: "removed"; before: unknown }
  | { kind: "changed"; fields: DiffField[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Compares an event's before and after snapshots field by field (dotted paths such as
 * `limits.rpm`; arrays and scalars compared whole). A missing side makes the
 * event a creation or a removal; two non-object sides compare as one `value` field.
 */
export function snapshotChange(before: unknown, after: unknown): SnapshotChange {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return { kind: "none" };
  if (!hasBefore) return { kind: "created", after };
  if (!hasAfter) return { kind: "removed", before };
  const fields: DiffField[] = [];
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) fieldDiffs(key, before[key], after[key], fields);
  } else fieldDiffs("value", before, after, fields);
  return { kind: "changed", fields };
}
