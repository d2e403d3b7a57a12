"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { useAutosave } from "./use-autosave";

/** The save-conflict banner: reload their version or overwrite it with ours. */
export function ConflictBanner({ autosave }: { autosave: ReturnType<typeof useAutosave> }) {
  if (autosave.status !== "conflict") return null;
  return (
    <Alert
      variant="error"
      role="alert"
      data-testid="conflict-alert"
      className="m-2 rounded-md"
      title={`This flow was changed elsewhere${
        autosave.conflict?.currentRevision ? ` (revision ${autosave.conflict.currentRevision})` : ""
      }.`}
    >
      <p>Your changes are kept here and are not saved until you choose.</p>
      <div className="mt-2 flex gap-2">
        <Button variant="outline" size="sm" onClick={() => void autosave.reloadTheirs()}>
          Reload theirs
        </Button>
        <Button size="sm" onClick={() => void autosave.overwrite()}>
          Overwrite with mine
        </Button>
      </div>
    </Alert>
  );
}
