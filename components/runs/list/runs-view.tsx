"use client";

import { Play, SearchX } from "lucide-react";
import Link from "next/link";
import { ListError, ListFooter, listErrorDetail } from "@/components/settings/list-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { hasRunFilters, isLiveRun, loadedRuns, useRunList } from "@/lib/query/run-list";
import { ClearFiltersButton } from "./filter-fields";
import { RunFilters } from "./run-filters";
import { RunsTable } from "./runs-table";
import { clearRunFilters, useUrlFilters } from "./use-url-filters";

/** Shown while a loaded run is still in flight and the list refreshes itself. */
function LiveIndicator() {
  return (
    <span
      className="flex items-center gap-1.5 text-xs font-medium text-green-700 dark:text-green-400"
      title="Refreshing every 2 seconds while runs are in progress"
      data-testid="runs-live"
    >
      <span className="relative flex size-2" aria-hidden>
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-green-500 opacity-60 motion-reduce:animate-none" />
        <span className="relative inline-flex size-2 rounded-full bg-green-500" />
      </span>
      Live
    </span>
  );
}

/** The workspace has no run at all: what will appear here and where runs come from. */
function NoRunsYet() {
  return (
    <EmptyState
      icon={Play}
      title="No runs yet"
      action={
        <Button asChild variant="outline">
          <Link href="/flows">Go to flows</Link>
        </Button>
      }
    >
      When a flow runs from the editor, an endpoint or the API, it appears here so you can inspect,
      replay or resume it. Start from a flow to create your first run.
    </EmptyState>
  );
}

/**
 * The Runs page: every run of the workspace, newest first, filtered and searched from the address;
 * "Load more" reads the next page, and the list refreshes itself while runs are in flight.
 */
export function RunsView({ workspaceId }: { workspaceId: string }) {
  const [filters, setFilters] = useUrlFilters();
  const list = useRunList(workspaceId, filters);
  const runs = loadedRuns(list.data);
  const filtered = hasRunFilters(filters);
  const live = runs.some(isLiveRun);
  const header = (
    <PageHeader
      title="Runs"
      description="Every execution of a flow, with each step's prompt, output, tokens, latency and cost."
    />
  );

  if (list.isSuccess && !list.isPlaceholderData && runs.length === 0 && !filtered) {
    return (
      <>
        {header}
        <NoRunsYet />
      </>
    );
  }

  let body;
  if (list.isPending) body = <ListSkeleton rows={6} label="Loading runs…" />;
  else if (list.isError && !list.isPlaceholderData && runs.length === 0)
    body = (
      <ListError
        what="runs"
        error={listErrorDetail(list.error)}
        onRetry={() => void list.refetch()}
      />
    );
  else if (runs.length === 0 && !list.isPlaceholderData)
    body = (
      <EmptyState
        icon={SearchX}
        title="No runs match these filters"
        action={
          <ClearFiltersButton variant="outline" onClick={() => clearRunFilters(setFilters)} />
        }
      >
        Try another search, a wider date range or fewer filters.
      </EmptyState>
    );
  else
    body = (
      <>
        <div className="mb-2 flex min-h-5 items-center justify-between gap-3 text-sm text-muted-foreground">
          <span data-testid="runs-count" aria-live="polite">
            {runs.length === 1 ? "1 run shown" : `${runs.length} runs shown`}
            {list.hasNextPage ? " · more available" : ""}
          </span>
          {live && <LiveIndicator />}
        </div>
        <RunsTable runs={runs} stale={list.isPlaceholderData} />
        <ListFooter what="runs" list={list} testId="runs-load-more" />
      </>
    );

  return (
    <>
      {header}
      <RunFilters
        workspaceId={workspaceId}
        filters={filters}
        setFilters={setFilters}
        searching={list.isPlaceholderData && list.isFetching}
      />
      {body}
    </>
  );
}
