import type {
  PromptDiffDto,
  PromptDiffSideDto,
  PromptVersionDto,
} from "@/lib/schemas/prompt-library";
import type { DiffField } from "@/lib/schemas/flows";
import { fieldDiffs } from "@/lib/text/field-diff";
import { diffLines, type DiffLine } from "@/lib/text/line-diff";

/** The parts of a version a diff compares. */
export type DiffableVersion = Pick<
  PromptVersionDto,
  "id" | "version" | "template" | "model" | "parameters" | "message" | "authorName" | "createdAt"
>;

const side = (v: DiffableVersion): PromptDiffSideDto => ({
  id: v.id,
  version: v.version,
  message: v.message,
  authorName: v.authorName,
  createdAt: v.createdAt,
});

/**
 * What changed from version `from` to version `to`: a line diff of the template and the
 * differing leaf fields of the model and parameters (`model.model`, `parameters.temperature`;
 * a missing model compares as absent). Pure and client-safe.
 */
export function diffPromptVersions(from: DiffableVersion, to: DiffableVersion): PromptDiffDto {
  const template = diffLines(from.template, to.template);
  const fields: DiffField[] = [];
  fieldDiffs("model", from.model ?? undefined, to.model ?? undefined, fields);
  fieldDiffs("parameters", from.parameters, to.parameters, fields);
  const identical = fields.length === 0 && template.every((line) => line.kind === "same");
  return { from: side(from), to: side(to), template, fields, identical };
}

/** One cell of a side-by-side diff: a line with its 1-based number on that side. */
export interface SideCell {
  number: number;
  text: string;
  kind: DiffLine["kind"];
}

/** One row of a side-by-side diff; a side is null where the other side has an extra line. */
export interface SideBySideRow {
  left: SideCell | null;
  right: SideCell | null;
}

/**
 * Lays a line diff out side by side: unchanged lines on both sides, and each run of removed
 * lines paired row by row with the run of added lines that follows it.
 */
export function sideBySideRows(lines: readonly DiffLine[]): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let left = 0;
  let right = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.kind === "same") {
      rows.push({
        left: { number: ++left, text: line.text, kind: "same" },
        right: { number: ++right, text: line.text, kind: "same" },
      });
      i++;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (i < lines.length && lines[i]!.kind === "removed") removed.push(lines[i++]!);
    while (i < lines.length && lines[i]!.kind === "added") added.push(lines[i++]!);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const a = removed[k];
      const b = added[k];
      rows.push({
        left: a ? { number: ++left, text: a.text, kind: "removed" } : null,
        right: b ? { number: ++right, text: b.text, kind: "added" } : null,
      });
    }
  }
  return rows;
}
