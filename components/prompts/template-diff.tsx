"use client";

import { ChevronsUpDown } from "lucide-react";
import { Fragment, useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { DiffLine } from "@/lib/text/line-diff";
import { sideBySideRows, type SideBySideRow, type SideCell } from "@/lib/prompts/prompt-diff";
import { foldUnchanged, numberLines, type DiffSegment, type NumberedLine } from "./diff-rows";

/** Side by side (old left, new right) or inline (one column, removed above added). */
export type DiffLayout = "split" | "inline";

const KIND = {
  same: { marker: " ", label: "", className: "" },
  added: {
    marker: "+",
    label: "Added: ",
    className: "bg-green-50 text-green-950 dark:bg-green-950/50 dark:text-green-100",
  },
  removed: {
    marker: "-",
    label: "Removed: ",
    className: "bg-red-50 text-red-950 dark:bg-red-950/50 dark:text-red-100",
  },
} as const;

const numberCell = "w-10 shrink-0 select-none px-2 text-right tabular-nums text-muted-foreground";

/** One line's text with its marker; screen readers hear "Added:" or "Removed:" first. */
function LineText({ line }: { line: Pick<NumberedLine, "kind" | "text"> }) {
  const style = KIND[line.kind];
  return (
    <span className="min-w-0 flex-1 px-2 break-words whitespace-pre-wrap">
      <span aria-hidden className="mr-2 select-none text-muted-foreground">
        {style.marker}
      </span>
      {style.label && <span className="sr-only">{style.label}</span>}
      {line.text || " "}
    </span>
  );
}

/** Inline: old and new line numbers, then the line. */
function InlineLine({ line }: { line: NumberedLine }) {
  return (
    <div className={cn("flex", KIND[line.kind].className)} data-kind={line.kind}>
      <span aria-hidden className={numberCell}>
        {line.oldNo ?? ""}
      </span>
      <span aria-hidden className={numberCell}>
        {line.newNo ?? ""}
      </span>
      <LineText line={line} />
    </div>
  );
}

/** One half of a side-by-side row; an empty half is shaded. */
function SplitHalf({ cell }: { cell: SideCell | null }) {
  if (!cell) return <div className="bg-muted/60" aria-hidden data-kind="empty" />;
  return (
    <div className={cn("flex min-w-0", KIND[cell.kind].className)} data-kind={cell.kind}>
      <span aria-hidden className={numberCell}>
        {cell.number}
      </span>
      <LineText line={cell} />
    </div>
  );
}

function SplitRow({ row }: { row: SideBySideRow }) {
  return (
    <div className="grid grid-cols-2 divide-x">
      <SplitHalf cell={row.left} />
      <SplitHalf cell={row.right} />
    </div>
  );
}

/** Folded rows of a layout: side-by-side rows, or inline lines with both line numbers. */
function useSegments(lines: DiffLine[], layout: DiffLayout) {
  return useMemo(
    () =>
      layout === "split"
        ? foldUnchanged(sideBySideRows(lines), (row) => row.left?.kind === "same")
        : foldUnchanged(numberLines(lines), (line) => line.kind === "same"),
    [lines, layout],
  ) as DiffSegment<SideBySideRow>[] | DiffSegment<NumberedLine>[];
}

/** The items of one visible segment in its layout. */
function Rows({ items, layout }: { items: (SideBySideRow | NumberedLine)[]; layout: DiffLayout }) {
  return items.map((item, index) =>
    layout === "split" ? (
      <SplitRow key={index} row={item as SideBySideRow} />
    ) : (
      <InlineLine key={index} line={item as NumberedLine} />
    ),
  );
}

/** The template's line diff; long unchanged stretches fold into a button that shows them. */
export function TemplateDiff({ lines, layout }: { lines: DiffLine[]; layout: DiffLayout }) {
  const segments = useSegments(lines, layout);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  return (
    <div
      className="overflow-hidden rounded-md border font-mono text-xs leading-relaxed"
      data-testid="template-diff"
      data-layout={layout}
    >
      {layout === "split" && (
        <div className="grid grid-cols-2 divide-x border-b bg-muted/50 font-sans text-xs font-medium text-muted-foreground">
          <span className="px-3 py-1.5">Before</span>
          <span className="px-3 py-1.5">After</span>
        </div>
      )}
      {segments.map((segment, index) => (
        <Fragment key={index}>
          {segment.type === "lines" || open.has(index) ? (
            <Rows items={segment.items} layout={layout} />
          ) : (
            <button
              type="button"
              className="flex w-full items-center gap-2 border-y bg-muted/40 px-3 py-1 font-sans text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
              onClick={() => setOpen(new Set(open).add(index))}
            >
              <ChevronsUpDown className="size-3.5" aria-hidden />
              Show {segment.items.length} unchanged lines
            </button>
          )}
        </Fragment>
      ))}
    </div>
  );
}
