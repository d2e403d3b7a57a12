"use client";

import { useCallback, useMemo, useState } from "react";
import { toast } from "sonner";
import type { FlowIssue } from "@/lib/engine";
import { useRestoreFlowVersion, useSaveFlowVersion } from "@/lib/query/flow-versions";
import type { FlowVersionSummaryDto } from "@/lib/schemas/flows";
import type { useAutosave } from "../use-autosave";
import type { useGraphHistory } from "../use-graph-history";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Why the draft cannot become a version right now, or null when it can. */
function blockedReason(
  canEdit: boolean,
  status: ReturnType<typeof useAutosave>["status"],
  errorCount: number,
): string | null {
  if (!canEdit) return "You can view versions but not save them.";
  if (status === "conflict") return "Resolve the save conflict first.";
  if (status === "invalid") return "Fix the invalid values first: the draft cannot be saved.";
  if (errorCount > 0) return `Fix ${plural(errorCount, "error")} to save a version.`;
  return null;
}

/** Thrown when the pending edits could not be stored before a version action. */
const unsavedDraft = () =>
  new Error(
    "The draft has edits that could not be saved. Resolve them (see the save status) first.",
  );

/**
 * The editor's version actions: save the draft as a version (after storing pending edits) and
 * restore a version into the draft as one undoable step, adopting the server's new revision.
 */
export function useVersionActions({
  workspaceId,
  flowId,
  autosave,
  history,
  issues,
  canEdit,
}: {
  workspaceId: string;
  flowId: string;
  autosave: ReturnType<typeof useAutosave>;
  history: ReturnType<typeof useGraphHistory>;
  issues: FlowIssue[];
  canEdit: boolean;
}) {
  const [saveOpen, setSaveOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const { mutateAsync: saveMutation } = useSaveFlowVersion(workspaceId, flowId);
  const { mutateAsync: restoreMutation, isPending: restoring } = useRestoreFlowVersion(flowId);
  const errorCount = useMemo(() => issues.filter((i) => i.severity === "error").length, [issues]);
  const { flush, adopt } = autosave;
  const { change } = history;

  const saveVersion = useCallback(
    async (message: string) => {
      const revision = await flush();
      if (revision === null) throw unsavedDraft();
      const { version } = await saveMutation({ message, revision });
      toast.success(`Saved version ${version.version}`);
    },
    [flush, saveMutation],
  );

  const restore = useCallback(
    async (version: FlowVersionSummaryDto) => {
      const revision = await flush();
      if (revision === null) throw unsavedDraft();
      const { flow } = await restoreMutation({ versionId: version.id, revision });
      adopt(flow.graph, flow.revision);
      // A recorded step (not a reset), so undo brings the previous draft back.
      change(() => flow.graph);
      toast.success(`Restored version ${version.version} into the draft`);
    },
    [flush, restoreMutation, adopt, change],
  );

  const shortcuts = useMemo(
    () => ({
      saveDraft: () => void flush(),
      saveVersion: () => {
        if (canEdit) setSaveOpen(true);
      },
    }),
    [flush, canEdit],
  );

  return {
    workspaceId,
    flowId,
    canEdit,
    draftRevision: autosave.revision,
    blockedReason: blockedReason(canEdit, autosave.status, errorCount),
    saveOpen,
    setSaveOpen,
    historyOpen,
    setHistoryOpen,
    saveVersion,
    restore,
    restoring,
    /** Mod+S and Mod+Shift+S. */
    shortcuts,
  };
}

/** What the version buttons, dialogs and panels act on. */
export type VersionActions = ReturnType<typeof useVersionActions>;
