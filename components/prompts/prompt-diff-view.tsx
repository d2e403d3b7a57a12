"use client";

import { Columns2, Rows3 } from "lucide-react";
import { useId, useState } from "react";
import { FieldChange } from "@/components/flow-editor/versions/field-change";
import { RelativeTime } from "@/components/approvals/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { PromptDiffDto, PromptDiffSideDto } from "@/lib/schemas/prompt-library";
import { lineCounts } from "./diff-rows";
import { TemplateDiff, type DiffLayout } from "./template-diff";

const LAYOUTS = [
  ["split", "Side by side", Columns2],
  ["inline", "Inline", Rows3],
] as const;

/** One side of the comparison: version, message, author and age (or the unsaved draft). */
function Side({ label, side, draft }: { label: string; side: PromptDiffSideDto; draft: boolean }) {
  if (draft)
    return (
      <div className="flex min-w-0 flex-1 flex-col gap-0.5 rounded-md border border-dashed px-3 py-2">
        <span className="text-xs text-muted-foreground">{label}</span>
        <span className="flex items-center gap-2">
          <Badge variant="warning">Draft</Badge>
          <span className="text-sm font-medium">Your unsaved changes</span>
        </span>
      </div>
    );
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-0.5 rounded-md border px-3 py-2">
      <span className="text-xs text-muted-foreground">{label}</span>
      <span className="flex items-center gap-2">
        <Badge variant="info" className="font-mono">
          v{side.version}
        </Badge>
        <span className="truncate text-sm font-medium" title={side.message}>
          {side.message || "No message"}
        </span>
      </span>
      <span className="text-xs text-muted-foreground">
        {side.authorName ?? "A removed user"} · <RelativeTime iso={side.createdAt} />
      </span>
    </div>
  );
}

/** The side-by-side / inline switch. */
function LayoutToggle({
  value,
  onChange,
}: {
  value: DiffLayout;
  onChange: (v: DiffLayout) => void;
}) {
  return (
    <div role="group" aria-label="Diff layout" className="inline-flex rounded-md border p-0.5">
      {LAYOUTS.map(([id, name, Icon]) => (
        <Button
          key={id}
          variant="ghost"
          size="sm"
          aria-pressed={value === id}
          className={cn("h-7", value === id && "bg-accent text-accent-foreground")}
          onClick={() => onChange(id)}
        >
          <Icon aria-hidden />
          {name}
        </Button>
      ))}
    </div>
  );
}

/**
 * What changed between two versions of a prompt: the template's lines (side by side or inline,
 * long unchanged stretches folded) and the model and parameter fields that differ. Standalone:
 * it needs nothing but the PromptDiffDto.
 */
export function PromptDiffView({
  diff,
  defaultLayout = "split",
  toDraft = false,
}: {
  diff: PromptDiffDto;
  defaultLayout?: DiffLayout;
  /** The "to" side is the editor's unsaved draft, not a saved version. */
  toDraft?: boolean;
}) {
  const [layout, setLayout] = useState<DiffLayout>(defaultLayout);
  const id = useId();
  const { added, removed } = lineCounts(diff.template);
  const templateChanged = added + removed > 0;
  return (
    <div className="flex flex-col gap-4" data-testid="prompt-diff">
      <div className="flex flex-col gap-2 sm:flex-row">
        <Side label="From" side={diff.from} draft={false} />
        <Side label="To" side={diff.to} draft={toDraft} />
      </div>
      {diff.identical ? (
        <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          No differences: both sides have the same template, model and parameters.
        </p>
      ) : (
        <>
          <section aria-labelledby={`${id}-template`} className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={`${id}-template`} className="text-sm font-semibold">
                Template{" "}
                <span className="font-normal text-muted-foreground">
                  {templateChanged ? (
                    <>
                      (<span className="text-green-700 dark:text-green-400">+{added}</span>{" "}
                      <span className="text-red-700 dark:text-red-400">−{removed}</span> lines)
                    </>
                  ) : (
                    "(unchanged)"
                  )}
                </span>
              </h3>
              {templateChanged && <LayoutToggle value={layout} onChange={setLayout} />}
            </div>
            {templateChanged && <TemplateDiff lines={diff.template} layout={layout} />}
          </section>
          <section aria-labelledby={`${id}-fields`} className="flex flex-col gap-2">
            <h3 id={`${id}-fields`} className="text-sm font-semibold">
              Model and parameters{" "}
              <span className="font-normal text-muted-foreground">
                ({diff.fields.length === 0 ? "unchanged" : `${diff.fields.length} changed`})
              </span>
            </h3>
            {diff.fields.length > 0 && (
              <ul className="flex flex-col gap-3 rounded-md border px-3 py-2.5">
                {diff.fields.map((field) => (
                  <FieldChange key={field.path} field={field} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
