"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/query/api";
import { usePromptVersion } from "@/lib/query/prompts";
import { DraftDiffDialog } from "./draft-diff-dialog";
import type { PromptDraftState } from "./use-prompt-draft";

/**
 * Shown after a save was refused because another version was saved first: the typed draft is
 * kept; compare it with the newer version, reload that version, or keep the draft on top of it.
 */
export function ConflictBanner({
  workspaceId,
  promptId,
  draft,
}: {
  workspaceId: string;
  promptId: string;
  draft: PromptDraftState;
}) {
  const newer = usePromptVersion(workspaceId, promptId, draft.conflict);
  const [comparing, setComparing] = useState(false);
  if (draft.conflict === null) return null;
  const n = draft.conflict;
  return (
    <Alert
      variant="error"
      role="alert"
      data-testid="version-conflict"
      title={`Version ${n} was saved while you were editing.`}
    >
      <p>
        Nothing was saved and your text is still here. Compare it with v{n}, reload v{n} (your
        changes are dropped), or keep your text and save it as the version after v{n}.
      </p>
      {newer.isError && (
        <p className="mt-1">
          Could not load v{n}: {errorMessage(newer.error)}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={!newer.data}
          onClick={() => setComparing(true)}
        >
          Compare with v{n}
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={!newer.data}
          onClick={() => newer.data && draft.loadVersion(newer.data)}
        >
          Reload v{n}
        </Button>
        <Button
          size="sm"
          disabled={!newer.data}
          onClick={() => newer.data && draft.rebaseOn(newer.data)}
        >
          Keep mine on top of v{n}
        </Button>
      </div>
      {newer.data && (
        <DraftDiffDialog
          open={comparing}
          onOpenChange={setComparing}
          from={newer.data}
          draft={draft.draft}
        />
      )}
    </Alert>
  );
}
