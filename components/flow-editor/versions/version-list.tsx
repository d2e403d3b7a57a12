"use client";

import { History } from "lucide-react";
import { useState } from "react";
import { RelativeTime } from "@/components/approvals/relative-time";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/query/api";
import { useFlowVersions } from "@/lib/query/flow-versions";
import type { FlowVersionSummaryDto } from "@/lib/schemas/flows";
import type { VersionActions } from "./use-version-actions";

/** One saved version: number, message, author and age, with compare and restore. */
function VersionRow({
  version,
  canEdit,
  onCompare,
  onRestore,
}: {
  version: FlowVersionSummaryDto;
  canEdit: boolean;
  onCompare: () => void;
  onRestore: () => void;
}) {
  return (
    <li
      className="flex flex-col gap-2 border-b px-1 py-3 last:border-0"
      data-testid="version-row"
      data-version={version.version}
    >
      <div className="flex items-start gap-2">
        <Badge variant="info" className="mt-0.5 font-mono">
          v{version.version}
        </Badge>
        <p className="min-w-0 flex-1 text-sm font-medium break-words" data-testid="version-message">
          {version.message}
        </p>
      </div>
      <p className="text-xs text-muted-foreground">
        <span data-testid="version-author">{version.authorName ?? "A removed user"}</span>
        {" · "}
        <RelativeTime iso={version.createdAt} />
      </p>
      <div className="flex gap-2">
        <Button
          variant="outline"
          size="sm"
          onClick={onCompare}
          aria-label={`Compare with draft (version ${version.version})`}
        >
          Compare with draft
        </Button>
        {canEdit && (
          <Button
            variant="outline"
            size="sm"
            onClick={onRestore}
            aria-label={`Restore version ${version.version}`}
          >
            Restore
          </Button>
        )}
      </div>
    </li>
  );
}

/** The saved versions of the flow, newest first, with loading, error and empty states. */
export function VersionList({
  actions,
  onCompare,
  onRestored,
}: {
  actions: VersionActions;
  onCompare: (versionId: string) => void;
  onRestored: () => void;
}) {
  const versions = useFlowVersions(actions.workspaceId, actions.flowId);
  const [restoring, setRestoring] = useState<FlowVersionSummaryDto | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  if (versions.isPending) return <ListSkeleton rows={3} label="Loading versions…" />;
  if (versions.isError)
    return (
      <Alert variant="error" title="Could not load the versions">
        <p>{errorMessage(versions.error)}</p>
        <Button
          variant="outline"
          size="sm"
          className="mt-2"
          onClick={() => void versions.refetch()}
        >
          Try again
        </Button>
      </Alert>
    );
  if (versions.data.length === 0)
    return (
      <EmptyState icon={History} title="No versions yet">
        Save a version to keep a snapshot of the draft that you can compare, restore and publish.
      </EmptyState>
    );

  const confirmRestore = async () => {
    if (!restoring) return;
    setRestoreError(null);
    try {
      await actions.restore(restoring);
      setRestoring(null);
      onRestored();
    } catch (error) {
      setRestoring(null);
      setRestoreError(errorMessage(error));
    }
  };

  return (
    <>
      {restoreError && (
        <Alert variant="error" role="alert" title="Could not restore the version" className="mb-3">
          {restoreError}
        </Alert>
      )}
      <ol aria-label="Saved versions, newest first">
        {versions.data.map((version) => (
          <VersionRow
            key={version.id}
            version={version}
            canEdit={actions.canEdit}
            onCompare={() => onCompare(version.id)}
            onRestore={() => setRestoring(version)}
          />
        ))}
      </ol>
      <ConfirmDialog
        open={restoring !== null}
        onOpenChange={(open) => {
          if (!open && !actions.restoring) setRestoring(null);
        }}
        title={`Restore version ${restoring?.version ?? ""}?`}
        description="This replaces the current draft with the graph of that version. Saved versions stay as they are, and Undo in the editor brings the current draft back."
        confirmLabel="Restore"
        pending={actions.restoring}
        onConfirm={() => void confirmRestore()}
      />
    </>
  );
}
