"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { downloadJson, fileSlug } from "@/components/ui/download";
import type { FlowGraph } from "@/lib/engine";
import type { FlowDocument } from "@/lib/schemas/flows";
import type { useAutosave } from "./use-autosave";

/**
 * The save-conflict banner: reload their version or overwrite it with ours. "Download mine"
 * keeps the local draft as an importable flow file, so choosing theirs loses nothing.
 */
export function ConflictBanner({
  autosave,
  name,
  graph,
}: {
  autosave: ReturnType<typeof useAutosave>;
  name: string;
  graph: FlowGraph;
}) {
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
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            const document: FlowDocument = {
              format: "trellis.flow",
              version: 1,
              name: `${name} (my draft)`.slice(0, 120),
              description: "Local draft kept from a save conflict.",
              graph,
            };
            downloadJson(`${fileSlug(name)}-my-draft.json`, document);
          }}
        >
          Download mine
        </Button>
      </div>
    </Alert>
  );
}
