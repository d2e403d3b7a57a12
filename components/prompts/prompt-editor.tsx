"use client";

import type { PromptDetailDto } from "@/lib/schemas/prompt-library";
import { ConflictBanner } from "./conflict-banner";
import { PromptSettingsFields, PromptSettingsSummary } from "./prompt-settings-fields";
import { TemplateField } from "./template-field";
import type { PromptDraftState } from "./use-prompt-draft";
import type { TemplateAnalysis } from "./use-template-analysis";

/** The editor: conflict banner, template with its variables and problems, model and parameters. */
export function PromptEditor({
  workspaceId,
  prompt,
  draft,
  analysis,
  canEdit,
}: {
  workspaceId: string;
  prompt: PromptDetailDto;
  draft: PromptDraftState;
  analysis: TemplateAnalysis;
  canEdit: boolean;
}) {
  return (
    <div className="flex flex-col gap-6" data-testid="prompt-editor">
      <ConflictBanner workspaceId={workspaceId} promptId={prompt.id} draft={draft} />
      <TemplateField
        value={draft.draft.template}
        onChange={draft.setTemplate}
        analysis={analysis}
        completions={["input", ...(prompt.latest?.variables ?? [])]}
        readOnly={!canEdit}
      />
      <fieldset className="flex min-w-0 flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">Model and parameters</legend>
        <p className="text-xs text-muted-foreground">
          Saved with each version. An LLM step that references this prompt uses its model when the
          step sets none.
        </p>
        {canEdit ? (
          <PromptSettingsFields
            workspaceId={workspaceId}
            value={draft.draft.settings}
            onChange={draft.setSettings}
          />
        ) : (
          <PromptSettingsSummary value={draft.draft.settings} />
        )}
      </fieldset>
    </div>
  );
}
