"use client";

import { useMemo } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { diffPromptVersions } from "@/lib/prompts/prompt-diff";
import type { PromptVersionDto } from "@/lib/schemas/prompt-library";
import { PromptDiffView } from "./prompt-diff-view";
import type { PromptDraft } from "./use-prompt-draft";

/** A dialog comparing a saved version with the editor's unsaved draft (computed in the browser). */
export function DraftDiffDialog({
  open,
  onOpenChange,
  from,
  draft,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  from: PromptVersionDto;
  draft: PromptDraft;
}) {
  const diff = useMemo(
    () =>
      diffPromptVersions(from, {
        ...from,
        id: "draft",
        template: draft.template,
        model: draft.settings.model ?? null,
        parameters: draft.settings.parameters,
      }),
    [from, draft],
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-5xl" data-testid="draft-diff-dialog">
        <DialogHeader>
          <DialogTitle>Your changes against version {from.version}</DialogTitle>
          <DialogDescription>
            What saving now would change compared with v{from.version}. Nothing is saved yet.
          </DialogDescription>
        </DialogHeader>
        {open && <PromptDiffView diff={diff} toDraft />}
      </DialogContent>
    </Dialog>
  );
}
