import type { DiffLine } from "@/lib/text/line-diff";

/** A diff line with its number on each side (null on the side it is not on). */
export interface NumberedLine extends DiffLine {
  oldNo: number | null;
  newNo: number | null;
}

/** Visible items, or a run of unchanged items folded away (kept, so it can be unfolded). */
export interface DiffSegment<T> {
  type: "lines" | "fold";
  items: T[];
}

/** Numbers the lines of each side: unchanged lines count on both, removed on the old, added on the new. */
export function numberLines(lines: DiffLine[]): NumberedLine[] {
  let oldNo = 0;
  let newNo = 0;
  return lines.map((line) => ({
    ...line,
    oldNo: line.kind === "added" ? null : ++oldNo,
    newNo: line.kind === "removed" ? null : ++newNo,
  }));
}

/**
 * Splits diff rows into visible segments and folds: unchanged rows farther than `context` rows
 * from any change are folded, unless a fold would hide fewer than `minFold` rows.
 */
export function foldUnchanged<T>(
  items: readonly T[],
  unchanged: (item: T) => boolean,
  context = 3,
  minFold = 4,
): DiffSegment<T>[] {
  const near = new Array<boolean>(items.length).fill(false);
  items.forEach((item, index) => {
    if (unchanged(item)) return;
    const last = Math.min(items.length - 1, index + context);
    for (let i = Math.max(0, index - context); i <= last; i++) near[i] = true;
  });
  const segments: DiffSegment<T>[] = [];
  let start = 0;
  while (start < items.length) {
    const hidden = !near[start];
    let end = start;
    while (end < items.length && !near[end] === hidden) end++;
    const run = items.slice(start, end);
    const type = hidden && run.length >= minFold ? "fold" : "lines";
    const last = segments.at(-1);
    if (type === "lines" && last?.type === "lines") last.items.push(...run);
    else segments.push({ type, items: run });
    start = end;
  }
  return segments;
}

/** How many lines were added and removed. */
export function lineCounts(lines: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === "added") added++;
    else if (line.kind === "removed") removed++;
  }
  return { added, removed };
}
