"use client";

import { CircleAlert, History, Save } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { FlowGraph } from "@/lib/engine";
import { HistorySheet } from "./history-sheet";
import { SaveVersionDialog } from "./save-version-dialog";
import type { VersionActions } from "./use-version-actions";

/** The top bar's "Save version" (with why it is unavailable) and "History", with their dialogs. */
export function VersionButtons({ actions, draft }: { actions: VersionActions; draft: FlowGraph }) {
  const blocked = actions.canEdit ? actions.blockedReason : null;
  return (
    <>
      {blocked && (
        <span
          id="save-version-blocked-reason"
          className="hidden max-w-56 items-center gap-1 truncate text-xs text-danger lg:flex"
          title={blocked}
          data-testid="save-version-reason"
        >
          <CircleAlert className="size-3 shrink-0" aria-hidden />
          <span className="truncate">{blocked}</span>
        </span>
      )}
      {actions.canEdit && (
        <Button
          variant="outline"
          size="sm"
          disabled={blocked !== null}
          aria-describedby={blocked ? "save-version-blocked-reason" : undefined}
          title={blocked ?? "Save version (Mod+Shift+S)"}
          onClick={() => actions.setSaveOpen(true)}
        >
          <Save aria-hidden />
          Save version
        </Button>
      )}
      <Button
        variant="outline"
        size="sm"
        aria-label="Version history"
        title="Version history"
        onClick={() => actions.setHistoryOpen(true)}
      >
        <History aria-hidden />
        <span className="hidden xl:inline">History</span>
      </Button>
      <SaveVersionDialog actions={actions} />
      <HistorySheet actions={actions} draft={draft} />
    </>
  );
}
