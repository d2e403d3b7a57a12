"use client";

import { useState } from "react";
import { RelativeTime } from "@/components/approvals/relative-time";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PromptDetailDto, PromptVersionSummaryDto } from "@/lib/schemas/prompt-library";
import { LabelBadge, sortLabels } from "./label-badge";

/** One version: number, message, author, age, the labels on it, and what can be done with it. */
function VersionRow({
  version,
  latest,
  canEdit,
  onCompare,
  onOpen,
}: {
  version: PromptVersionSummaryDto;
  latest: boolean;
  canEdit: boolean;
  onCompare: (() => void) | null;
  onOpen: () => void;
}) {
  return (
    <li
      className="flex flex-col gap-1.5 border-b py-3 last:border-0"
      data-testid="prompt-version-row"
      data-version={version.version}
    >
      <div className="flex items-start gap-2">
        <Badge variant="info" className="mt-0.5 font-mono">
          v{version.version}
        </Badge>
        <p className="min-w-0 flex-1 text-sm font-medium break-words">
          {version.message || "No message"}
        </p>
      </div>
      <p className="text-xs text-muted-foreground">
        {version.authorName ?? "A removed user"} · <RelativeTime iso={version.createdAt} />
        {latest && " · latest"}
      </p>
      {version.labels.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label={`Labels on version ${version.version}`}>
          {sortLabels(version.labels.map((name) => ({ name }))).map(({ name }) => (
            <li key={name}>
              <LabelBadge name={name} />
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        {onCompare && (
          <Button variant="outline" size="sm" onClick={onCompare}>
            Compare with previous
            <span className="sr-only"> (v{version.version})</span>
          </Button>
        )}
        {canEdit && !latest && (
          <Button variant="ghost" size="sm" onClick={onOpen}>
            Edit from here
            <span className="sr-only"> (v{version.version})</span>
          </Button>
        )}
      </div>
    </li>
  );
}

/**
 * The prompt's versions, newest first. "Compare with previous" opens the comparison; "Edit from
 * here" loads an older version into the editor (asking first when that drops unsaved changes).
 */
export function VersionHistory({
  prompt,
  canEdit,
  dirty,
  onCompare,
  onOpen,
}: {
  prompt: PromptDetailDto;
  canEdit: boolean;
  dirty: boolean;
  onCompare: (from: number, to: number) => void;
  onOpen: (version: number) => void;
}) {
  const [confirming, setConfirming] = useState<number | null>(null);
  const open = (version: number) => (dirty ? setConfirming(version) : onOpen(version));
  return (
    <section aria-labelledby="prompt-versions-title" className="flex flex-col gap-1">
      <h2 id="prompt-versions-title" className="text-sm font-semibold">
        Versions{" "}
        <span className="font-normal text-muted-foreground">({prompt.versions.length})</span>
      </h2>
      <ol className="max-h-[32rem] overflow-y-auto pr-1" data-testid="prompt-versions">
        {prompt.versions.map((version, index) => {
          const previous = prompt.versions[index + 1];
          return (
            <VersionRow
              key={version.id}
              version={version}
              latest={index === 0}
              canEdit={canEdit}
              onCompare={previous ? () => onCompare(previous.version, version.version) : null}
              onOpen={() => open(version.version)}
            />
          );
        })}
      </ol>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(next) => !next && setConfirming(null)}
        title="Drop your unsaved changes?"
        description={`The editor loads version ${confirming ?? ""} in their place. Saving then makes it the next version.`}
        confirmLabel="Drop and load"
        onConfirm={() => {
          if (confirming !== null) onOpen(confirming);
          setConfirming(null);
        }}
      />
    </section>
  );
}
