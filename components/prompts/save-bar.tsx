"use client";

import { CircleAlert, Save } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { PromptDraftState } from "./use-prompt-draft";

/** Save state and actions: unsaved changes with "Review changes", and "Save version" (Ctrl+S). */
export function SaveBar({
  draft,
  canEdit,
  blocked,
  onSave,
  onReview,
}: {
  draft: PromptDraftState;
  canEdit: boolean;
  /** Why saving is refused right now, or null. */
  blocked: string | null;
  onSave: () => void;
  onReview: () => void;
}) {
  if (!canEdit) return null;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <span role="status" className="text-xs text-muted-foreground" data-testid="save-state">
        {blocked && draft.dirty ? (
          <span id="prompt-save-blocked" className="flex items-center gap-1 text-danger">
            <CircleAlert className="size-3.5" aria-hidden />
            {blocked}
          </span>
        ) : draft.dirty ? (
          "Unsaved changes"
        ) : draft.base ? (
          `Saved as v${draft.base.version}`
        ) : null}
      </span>
      {draft.dirty && draft.base && (
        <Button variant="ghost" size="sm" onClick={onReview}>
          Review changes
        </Button>
      )}
      <Button
        onClick={onSave}
        disabled={!draft.dirty || blocked !== null || draft.saving}
        aria-describedby={blocked && draft.dirty ? "prompt-save-blocked" : undefined}
        title="Save version (Ctrl+S)"
        aria-keyshortcuts="Control+S Meta+S"
      >
        <Save aria-hidden />
        Save version
      </Button>
    </div>
  );
}
