"use client";

import { ClipboardList, SearchX } from "lucide-react";
import { ClearFiltersButton } from "@/components/runs/list/filter-fields";
import { ListError, ListFooter, listErrorDetail } from "@/components/settings/list-error";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { useAuditLog } from "@/lib/query/audit-log";
import { AuditFiltersBar } from "./audit-filters";
import { auditApiParams, NO_AUDIT_FILTERS, useAuditFilters } from "./audit-filters-url";
import { AuditTable } from "./audit-table";
import { targetName } from "./audit-target";

/**
 * The Audit log: every recorded change of the workspace, newest first, filtered from the
 * address; each row opens what the change did, field by field. Read-only by design.
 */
export function AuditView({ workspaceId }: { workspaceId: string }) {
  const [filters, setFilters] = useAuditFilters();
  const list = useAuditLog(workspaceId, auditApiParams(filters));
  const events = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  const settled = list.isSuccess && !list.isPlaceholderData;
  const filteredTarget = filters.targetId
    ? events.find((event) => event.target.id === filters.targetId)
    : undefined;

  let body;
  if (list.isPending) body = <ListSkeleton rows={6} label="Loading the audit log…" />;
  else if (list.isError && !list.isPlaceholderData && events.length === 0)
    body = (
      <ListError
        what="the audit log"
        error={listErrorDetail(list.error)}
        onRetry={() => void list.refetch()}
      />
    );
  else if (settled && events.length === 0 && !filtered)
    body = (
      <EmptyState icon={ClipboardList} title="Nothing recorded yet">
        Changes to flows, prompts, labels, change requests, endpoints, API keys, members and model
        connections appear here as they happen.
      </EmptyState>
    );
  else if (events.length === 0 && !list.isPlaceholderData)
    body = (
      <EmptyState
        icon={SearchX}
        title="No changes match these filters"
        action={
          <ClearFiltersButton variant="outline" onClick={() => setFilters(NO_AUDIT_FILTERS)} />
        }
      >
        Try another action or actor, or a wider date range.
      </EmptyState>
    );
  else
    body = (
      <>
        <p
          className="mb-2 text-sm text-muted-foreground"
          aria-live="polite"
          data-testid="audit-count"
        >
          {events.length === 1 ? "1 change shown" : `${events.length} changes shown`}
          {list.hasNextPage ? " · more available" : ""}
        </p>
        <AuditTable
          workspaceId={workspaceId}
          events={events}
          stale={list.isPlaceholderData}
          setFilters={setFilters}
        />
        <ListFooter what="the audit log" list={list} testId="audit-load-more" />
      </>
    );

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in this workspace: who made it, when, and what it was before and after. Entries are permanent; nobody can edit or delete them."
      />
      <AuditFiltersBar
        workspaceId={workspaceId}
        filters={filters}
        setFilters={setFilters}
        targetName={filteredTarget ? targetName(filteredTarget) : null}
      />
      {body}
    </>
  );
}
