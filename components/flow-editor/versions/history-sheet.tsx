"use client";

import { useState } from "react";
import { TabList } from "@/components/ui/tab-list";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { FlowGraph } from "@/lib/engine";
import { ComparePanel, type CompareSides } from "./compare-panel";
import type { VersionActions } from "./use-version-actions";
import { VersionList } from "./version-list";

type HistoryTab = "versions" | "compare";

const TABS: [HistoryTab, string][] = [
  ["versions", "Versions"],
  ["compare", "Compare"],
];

/** A side sheet with the flow's saved versions and the comparison of any two sides. */
export function HistorySheet({ actions, draft }: { actions: VersionActions; draft: FlowGraph }) {
  const [tab, setTab] = useState<HistoryTab>("versions");
  const [sides, setSides] = useState<CompareSides>({ from: null, to: "draft" });
  return (
    <Dialog open={actions.historyOpen} onOpenChange={actions.setHistoryOpen}>
      <DialogContent
        className="top-0 right-0 left-auto flex h-full max-h-screen w-full max-w-xl translate-x-0 translate-y-0 flex-col gap-0 rounded-none border-y-0 border-r-0 p-0"
        data-testid="history-sheet"
      >
        <DialogHeader className="border-b p-5">
          <DialogTitle>Version history</DialogTitle>
          <DialogDescription>
            Saved versions of this flow, newest first. Compare any two, or restore one into the
            draft.
          </DialogDescription>
        </DialogHeader>
        <TabList
          label="Version history"
          idPrefix="history"
          tabs={TABS}
          value={tab}
          onChange={setTab}
          className="px-5"
        />
        <div
          role="tabpanel"
          id={`history-panel-${tab}`}
          aria-labelledby={`history-tab-${tab}`}
          className="min-h-0 flex-1 overflow-y-auto p-5"
        >
          {tab === "versions" ? (
            <VersionList
              actions={actions}
              onCompare={(versionId) => {
                setSides({ from: versionId, to: "draft" });
                setTab("compare");
              }}
              onRestored={() => actions.setHistoryOpen(false)}
            />
          ) : (
            <ComparePanel actions={actions} draft={draft} sides={sides} onSides={setSides} />
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
