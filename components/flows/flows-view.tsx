"use client";

import { Plus, SearchX, Workflow } from "lucide-react";
import { useEffect, useState } from "react";
import { DropOverlay, usePageFileDrop } from "@/components/flows/file-drop";
import { FlowCard } from "@/components/flows/flow-card";
import { CreateFlowDialog } from "@/components/flows/flow-details-dialog";
import { FlowsToolbar } from "@/components/flows/flows-toolbar";
import { ImportFlowButton } from "@/components/flows/import-flow-button";
import { ImportStatus } from "@/components/flows/import-status";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { useFlowImport } from "@/components/flows/use-flow-import";
import { ListError } from "@/components/settings/list-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { useFlows, type FlowListQuery, type FlowSort } from "@/lib/query/flows";

const SEARCH_DELAY_MS = 300;

function CardsSkeleton() {
  return (
    <LoadingStatus label="Loading flows…" className="grid gap-4 md:grid-cols-2">
      {[0, 1, 2, 3].map((index) => (
        <Skeleton key={index} className="h-40" />
      ))}
    </LoadingStatus>
  );
}

/** Keeps the search and order in the address, so coming back from the editor restores them. */
function useQueryInAddress({ q, sort }: FlowListQuery) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (q.trim()) url.searchParams.set("q", q.trim());
    else url.searchParams.delete("q");
    if (sort === "updated") url.searchParams.delete("sort");
    else url.searchParams.set("sort", sort);
    if (url.href !== window.location.href) window.history.replaceState(null, "", url);
  }, [q, sort]);
}

/**
 * The Flows page: search and sort the workspace's flows, run them with `flow.run`; with
 * `flow.edit`, create, rename, duplicate, delete and import (button or drop a file on the page).
 */
export function FlowsView({
  workspaceId,
  canRun,
  canEdit,
  initialQuery,
}: {
  workspaceId: string;
  canRun: boolean;
  canEdit: boolean;
  initialQuery: FlowListQuery;
}) {
  const [search, setSearch] = useState(initialQuery.q);
  const [sort, setSort] = useState<FlowSort>(initialQuery.sort);
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(search, SEARCH_DELAY_MS).trim();
  const flows = useFlows(workspaceId, { q, sort });
  const importer = useFlowImport(workspaceId);
  const dragging = usePageFileDrop(canEdit, (file) => void importer.importFile(file));
  useQueryInAddress({ q, sort });

  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden />
      New flow
    </Button>
  );
  const importButton = (
    <ImportFlowButton
      pending={importer.pendingFile !== null}
      onFile={(file) => void importer.importFile(file)}
    />
  );

  return (
    <>
      <PageHeader
        title="Flows"
        description={
          canEdit
            ? "Pipelines drawn as node graphs: prompts, models, routing, guardrails and human review. Drop an exported .json file anywhere on this page to import it."
            : "Pipelines drawn as node graphs: prompts, models, routing, guardrails and human review."
        }
        actions={
          canEdit && (
            <>
              {importButton}
              {createButton}
            </>
          )
        }
      />
      <div className="flex flex-col gap-4">
        {!canRun && (
          <Alert title="You can look, but not run">
            Your role lets you see flows. Ask an admin for the Editor role to run them.
          </Alert>
        )}
        <ImportStatus
          outcome={importer.outcome}
          pendingFile={importer.pendingFile}
          onDismiss={importer.dismiss}
        />
        <FlowsToolbar
          search={search}
          onSearchChange={setSearch}
          sort={sort}
          onSortChange={setSort}
          searching={flows.isFetching && flows.isPlaceholderData}
        />
        {flows.isPending ? (
          <CardsSkeleton />
        ) : flows.isError ? (
          <ListError what="flows" error={flows.error} onRetry={() => void flows.refetch()} />
        ) : flows.data.length === 0 && q ? (
          <EmptyState
            icon={SearchX}
            title={`No flows match “${q}”`}
            action={
              <Button variant="outline" onClick={() => setSearch("")}>
                Clear search
              </Button>
            }
          >
            Search looks at flow names, ignoring case. Try fewer letters or another word.
          </EmptyState>
        ) : flows.data.length === 0 ? (
          <EmptyState
            icon={Workflow}
            title="No flows yet"
            action={
              canEdit && (
                <>
                  {createButton}
                  {importButton}
                </>
              )
            }
          >
            A flow is a pipeline drawn as a graph: an input, model steps, routing and checks, and an
            output. Create one in the editor, or import a flow exported from Trellis.
          </EmptyState>
        ) : (
          <>
            {canRun && !q && flows.data.some((flow) => flow.name.endsWith("(example)")) && (
              <p className="text-sm text-muted-foreground">
                Start with an example: run it to see each step&apos;s prompt, output, tokens and
                cost.
              </p>
            )}
            <p className="sr-only" role="status">
              {`${flows.data.length} ${flows.data.length === 1 ? "flow" : "flows"}${q ? ` matching “${q}”` : ""}.`}
            </p>
            <ul
              aria-label="Flows"
              className="grid gap-4 md:grid-cols-2"
              aria-busy={flows.isFetching && flows.isPlaceholderData}
            >
              {flows.data.map((flow) => (
                <li key={flow.id}>
                  <FlowCard
                    workspaceId={workspaceId}
                    flow={flow}
                    canRun={canRun}
                    canEdit={canEdit}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {canEdit && (
        <CreateFlowDialog workspaceId={workspaceId} open={creating} onOpenChange={setCreating} />
      )}
      {dragging && <DropOverlay />}
    </>
  );
}
