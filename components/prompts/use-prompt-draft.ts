"use client";

import { useState } from "react";
import { useLeaveWarning } from "@/components/ui/use-leave-warning";
import { ApiClientError } from "@/lib/query/api";
import { useSavePromptVersion } from "@/lib/query/prompts";
import type { PromptDetailDto, PromptVersionDto } from "@/lib/schemas/prompt-library";
import { deepEqual } from "@/lib/text/field-diff";
import type { PromptSettings } from "./prompt-settings-fields";

/** What the editor changes: the template, the model and the parameters. */
export interface PromptDraft {
  template: string;
  settings: PromptSettings;
}

/** The draft a version holds. */
export function draftOf(version: PromptVersionDto | null): PromptDraft {
  return {
    template: version?.template ?? "",
    settings: { model: version?.model ?? null, parameters: version?.parameters ?? {} },
  };
}

/** Whether two drafts hold the same template, model and parameters. */
function sameDraft(a: PromptDraft, b: PromptDraft): boolean {
  return (
    a.template === b.template &&
    deepEqual(a.settings.model ?? null, b.settings.model ?? null) &&
    deepEqual(a.settings.parameters, b.settings.parameters)
  );
}

/** How a save ended: saved as a version, or refused because another version was saved first. */
export type SaveOutcome =
  { kind: "saved"; version: PromptVersionDto } | { kind: "conflict"; latestVersion: number };

/** The latest version number a 409 `version_conflict` names, or null for any other error. */
function conflictVersion(error: unknown): number | null {
  if (!(error instanceof ApiClientError) || error.code !== "version_conflict") return null;
  const latest = (error.details as { latestVersion?: unknown } | null)?.latestVersion;
  return typeof latest === "number" ? latest : 0;
}

/**
 * The editor's draft of a prompt and the version it is based on. Saving sends that version as
 * `baseVersion`; when another version was saved meanwhile the draft stays as typed and
 * `conflict` names the newer version until the author reloads it or keeps their text on top.
 */
export function usePromptDraft(workspaceId: string, prompt: PromptDetailDto) {
  const latest = prompt.latest;
  const [base, setBase] = useState<PromptVersionDto | null>(latest);
  const [draft, setDraft] = useState<PromptDraft>(() => draftOf(latest));
  const [conflict, setConflict] = useState<number | null>(null);
  const save = useSavePromptVersion(workspaceId, prompt.id);
  const dirty = !sameDraft(draft, draftOf(base));

  // A newer version saved elsewhere replaces an untouched draft (never one with edits).
  if (latest && base && latest.version > base.version && !dirty && conflict === null) {
    setBase(latest);
    setDraft(draftOf(latest));
  }

  useLeaveWarning(dirty);

  const saveVersion = async (message: string): Promise<SaveOutcome> => {
    const { model, parameters } = draft.settings;
    try {
      const { version } = await save.mutateAsync({
        template: draft.template,
        model: model ?? null,
        parameters,
        message,
        baseVersion: base?.version ?? 0,
      });
      setBase(version);
      setConflict(null);
      return { kind: "saved", version };
    } catch (error) {
      const latestVersion = conflictVersion(error);
      if (latestVersion === null) throw error;
      setConflict(latestVersion);
      return { kind: "conflict", latestVersion };
    }
  };

  return {
    draft,
    base,
    dirty,
    conflict,
    saving: save.isPending,
    setTemplate: (template: string) => setDraft((d) => ({ ...d, template })),
    setSettings: (settings: PromptSettings) => setDraft((d) => ({ ...d, settings })),
    saveVersion,
    /** Starts over from `version` (the latest after a conflict, or an older one to build on). */
    loadVersion: (version: PromptVersionDto) => {
      setDraft(draftOf(version));
      if (!base || version.version >= base.version) setBase(version);
      setConflict(null);
    },
    /** Keeps the typed draft and bases the next save on `version` (the newer one). */
    rebaseOn: (version: PromptVersionDto) => {
      setBase(version);
      setConflict(null);
    },
  };
}

/** The editor's draft state and actions. */
export type PromptDraftState = ReturnType<typeof usePromptDraft>;
