import { ArrowRight } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { DiffField } from "@/lib/schemas/flows";
import { diffLines } from "@/lib/text/line-diff";
import { formatValue, isLongText } from "./diff-format";

const LINE_STYLES = {
  same: { marker: " ", label: "", className: "text-muted-foreground" },
  added: {
    marker: "+",
    label: "Added: ",
    className: "bg-green-50 text-green-900 dark:bg-green-950/50 dark:text-green-200",
  },
  removed: {
    marker: "-",
    label: "Removed: ",
    className: "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200",
  },
} as const;

/** A long text's change as unchanged, removed and added lines. */
function LineDiff({ before, after }: { before: string; after: string }) {
  return (
    <div
      className="rounded-md border bg-muted/30 py-1 font-mono text-xs leading-relaxed"
      data-testid="line-diff"
    >
      {diffLines(before, after).map((line, index) => {
        const style = LINE_STYLES[line.kind];
        return (
          <div
            key={index}
            data-kind={line.kind}
            className={cn("px-2 break-words whitespace-pre-wrap", style.className)}
          >
            <span aria-hidden className="mr-2 select-none">
              {style.marker}
            </span>
            {style.label && <span className="sr-only">{style.label}</span>}
            {line.text || " "}
          </div>
        );
      })}
    </div>
  );
}

/** One side of a short change; an absent side reads "not set". */
function Value({ value, side }: { value: unknown; side: "before" | "after" }) {
  return (
    <div className="min-w-0 flex-1" data-testid={`field-${side}`}>
      <span className="sr-only">{side === "before" ? "Before: " : "After: "}</span>
      {value === undefined ? (
        <span className="text-xs text-muted-foreground italic">not set</span>
      ) : (
        <pre
          className={cn(
            "rounded-md border px-2 py-1 font-mono text-xs break-words whitespace-pre-wrap",
            side === "before"
              ? "bg-red-50/60 dark:bg-red-950/30"
              : "bg-green-50/60 dark:bg-green-950/30",
          )}
        >
          {formatValue(value)}
        </pre>
      )}
    </div>
  );
}

/** One changed field of a node: its path, then before -> after (or a line diff for long text). */
export function FieldChange({ field }: { field: DiffField }) {
  return (
    <li className="flex flex-col gap-1.5" data-testid="field-change" data-path={field.path}>
      <code className="text-xs font-medium">{field.path}</code>
      {isLongText(field) ? (
        <LineDiff
          before={(field.before as string | undefined) ?? ""}
          after={(field.after as string | undefined) ?? ""}
        />
      ) : (
        <div className="flex items-start gap-2">
          <Value value={field.before} side="before" />
          <ArrowRight className="mt-1.5 size-3.5 shrink-0 text-muted-foreground" aria-hidden />
          <Value value={field.after} side="after" />
        </div>
      )}
    </li>
  );
}
