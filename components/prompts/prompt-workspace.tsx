"use client";

import { ChevronLeft, Pencil } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { TabList } from "@/components/ui/tab-list";
import { errorMessage } from "@/lib/query/api";
import { useFetchPromptVersion } from "@/lib/query/prompts";
import type { PromptDetailDto } from "@/lib/schemas/prompt-library";
import { ComparePanel, defaultSides, type CompareSides } from "./compare-panel";
import { DraftDiffDialog } from "./draft-diff-dialog";
import { EditDescriptionDialog } from "./edit-description-dialog";
import { LabelsPanel } from "./labels-panel";
import { PromptEditor } from "./prompt-editor";
import { SaveBar } from "./save-bar";
import { SaveVersionDialog } from "./save-version-dialog";
import { usePromptDraft } from "./use-prompt-draft";
import { useSaveShortcut } from "./use-save-shortcut";
import { useTemplateAnalysis } from "./use-template-analysis";
import { VersionHistory } from "./version-history";

/** What the viewer may do on a prompt's page. */
export interface PromptPermissions {
  userId: string;
  canEdit: boolean;
  canApprove: boolean;
}

type Tab = "editor" | "compare";
const TABS: [Tab, string][] = [
  ["editor", "Editor"],
  ["compare", "Compare versions"],
];

/** A loaded prompt: header, the editor or a comparison, and the labels and versions beside them. */
export function PromptWorkspace({
  workspaceId,
  prompt,
  userId,
  canEdit,
  canApprove,
}: { workspaceId: string; prompt: PromptDetailDto } & PromptPermissions) {
  const draft = usePromptDraft(workspaceId, prompt);
  const analysis = useTemplateAnalysis(draft.draft.template);
  const fetchVersion = useFetchPromptVersion(workspaceId, prompt.id);
  const [tab, setTab] = useState<Tab>("editor");
  const [sides, setSides] = useState<CompareSides | null>(null);
  const [saving, setSaving] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [describing, setDescribing] = useState(false);
  const myRequests = prompt.openChangeRequests.filter(
    (r) => r.author.id === userId && r.status === "open",
  );
  const blocked = analysis.blocked ? "Fix the template's errors to save a version." : null;

  const openSave = () => {
    if (!canEdit) return;
    if (blocked) toast.error(blocked);
    else if (!draft.dirty) toast.info("No changes to save.");
    else setSaving(true);
  };
  useSaveShortcut(openSave);

  const editFrom = async (version: number) => {
    try {
      draft.loadVersion(await fetchVersion(version));
      setTab("editor");
      toast.info(`Loaded v${version}. Save to make it the next version.`);
    } catch (error) {
      toast.error(`Could not load v${version}: ${errorMessage(error)}`);
    }
  };

  return (
    <>
      <Link
        href="/prompts"
        className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft className="size-4" aria-hidden />
        Prompts
      </Link>
      <PageHeader
        title={prompt.name}
        description={
          <span className="flex items-start gap-2">
            <span>{prompt.description || "No description."}</span>
            {canEdit && (
              <Button
                variant="ghost"
                size="icon-sm"
                className="-mt-1.5 size-7"
                aria-label="Edit description"
                onClick={() => setDescribing(true)}
              >
                <Pencil aria-hidden />
              </Button>
            )}
          </span>
        }
        actions={
          <SaveBar
            draft={draft}
            canEdit={canEdit}
            blocked={blocked}
            onSave={openSave}
            onReview={() => setReviewing(true)}
          />
        }
      />
      {!canEdit && (
        <Alert className="mb-4" title="Read only">
          Your role lets you read prompts. Ask an admin for the Editor role to change them.
        </Alert>
      )}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <TabList label="Prompt" idPrefix="prompt" tabs={TABS} value={tab} onChange={setTab} />
          <div role="tabpanel" id={`prompt-panel-${tab}`} aria-labelledby={`prompt-tab-${tab}`}>
            {tab === "editor" ? (
              <PromptEditor
                workspaceId={workspaceId}
                prompt={prompt}
                draft={draft}
                analysis={analysis}
                canEdit={canEdit}
              />
            ) : (
              <ComparePanel
                workspaceId={workspaceId}
                prompt={prompt}
                sides={sides ?? defaultSides(prompt)}
                onSides={setSides}
              />
            )}
          </div>
        </div>
        <aside className="flex flex-col gap-6" aria-label="Labels and versions">
          <LabelsPanel
            workspaceId={workspaceId}
            prompt={prompt}
            canEdit={canEdit}
            canApprove={canApprove}
          />
          <VersionHistory
            prompt={prompt}
            canEdit={canEdit}
            dirty={draft.dirty}
            onCompare={(from, to) => {
              setSides({ from, to });
              setTab("compare");
            }}
            onOpen={(version) => void editFrom(version)}
          />
        </aside>
      </div>
      {canEdit && (
        <SaveVersionDialog
          workspaceId={workspaceId}
          draft={draft}
          myRequests={myRequests}
          open={saving}
          onOpenChange={setSaving}
        />
      )}
      {draft.base && (
        <DraftDiffDialog
          open={reviewing}
          onOpenChange={setReviewing}
          from={draft.base}
          draft={draft.draft}
        />
      )}
      {canEdit && (
        <EditDescriptionDialog
          workspaceId={workspaceId}
          prompt={prompt}
          open={describing}
          onOpenChange={setDescribing}
        />
      )}
    </>
  );
}
