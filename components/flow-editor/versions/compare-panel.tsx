"use client";

import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { FlowGraph } from "@/lib/engine";
import { errorMessage } from "@/lib/query/api";
import { useFlowDiff, useFlowVersion, useFlowVersions } from "@/lib/query/flow-versions";
import type { FlowVersionSummaryDto } from "@/lib/schemas/flows";
import { nodeIndex } from "./diff-format";
import { DiffView } from "./diff-view";
import type { VersionActions } from "./use-version-actions";

/** The two sides of a comparison: version ids, or "draft". */
export interface CompareSides {
  from: string | null;
  to: string;
}

const optionText = (version: FlowVersionSummaryDto) => {
  const message =
    version.message.length > 50 ? `${version.message.slice(0, 50)}…` : version.message;
  return `v${version.version}: ${message}`;
};

/** One side's picker: saved versions, and the draft when `withDraft`. */
function SidePicker({
  id,
  label,
  value,
  versions,
  withDraft,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  versions: FlowVersionSummaryDto[];
  withDraft: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {withDraft && <option value="draft">Current draft</option>}
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {optionText(version)}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** The graph of one side: the editor's draft, or a fetched version. */
function useSideGraph(actions: VersionActions, side: string | null, draft: FlowGraph) {
  const version = useFlowVersion(
    actions.workspaceId,
    actions.flowId,
    side === "draft" ? null : side,
  );
  return side === "draft" ? draft : version.data?.graph;
}

/** Pick "from" and "to" (versions or the draft) and read what changed between them. */
export function ComparePanel({
  actions,
  draft,
  sides,
  onSides,
}: {
  actions: VersionActions;
  draft: FlowGraph;
  sides: CompareSides;
  onSides: (sides: CompareSides) => void;
}) {
  const versions = useFlowVersions(actions.workspaceId, actions.flowId);
  const from = sides.from ?? versions.data?.[0]?.id ?? null;
  const diff = useFlowDiff(
    actions.workspaceId,
    actions.flowId,
    from,
    sides.to,
    actions.draftRevision,
  );
  const fromGraph = useSideGraph(actions, from, draft);
  const toGraph = useSideGraph(actions, sides.to, draft);
  const nodes = useMemo(() => nodeIndex(fromGraph, toGraph), [fromGraph, toGraph]);

  if (versions.isPending) return <Skeleton className="h-24" />;
  if (versions.isError)
    return (
      <Alert variant="error" title="Could not load the versions">
        {errorMessage(versions.error)}
      </Alert>
    );
  if (versions.data.length === 0 || from === null)
    return (
      <p className="text-sm text-muted-foreground">
        Save a version first: comparisons are between saved versions and the draft.
      </p>
    );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row">
        <SidePicker
          id="compare-from"
          label="From"
          value={from}
          versions={versions.data}
          withDraft={false}
          onChange={(value) => onSides({ ...sides, from: value })}
        />
        <SidePicker
          id="compare-to"
          label="To"
          value={sides.to}
          versions={versions.data}
          withDraft
          onChange={(value) => onSides({ from, to: value })}
        />
      </div>
      {sides.to === "draft" && (
        <p className="text-xs text-muted-foreground">
          The draft as last saved (revision {actions.draftRevision}).
        </p>
      )}
      {diff.isPending ? (
        <div role="status" className="flex flex-col gap-2">
          <span className="sr-only">Comparing…</span>
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-24" />
        </div>
      ) : diff.isError ? (
        <Alert variant="error" title="Could not compare">
          <p>{errorMessage(diff.error)}</p>
          <Button variant="outline" size="sm" className="mt-2" onClick={() => void diff.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <DiffView diff={diff.data} nodes={nodes} />
      )}
    </div>
  );
}
