"use client";

import { X } from "lucide-react";
import {
  ClearFiltersButton,
  DayRangeFields,
  FilterSelect,
} from "@/components/runs/list/filter-fields";
import { Button } from "@/components/ui/button";
import { useAuditActors } from "@/lib/query/audit-log";
import { NO_AUDIT_FILTERS, type AuditFilters, type SetAuditFilters } from "./audit-filters-url";
import { ACTION_CATEGORIES, TARGET_TYPE_LABELS, targetTypeLabel } from "./audit-labels";

const TARGET_TYPE_OPTIONS = Object.entries(TARGET_TYPE_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/** The actor select: members and former actors by name (with the email when two share a name). */
function ActorField({
  workspaceId,
  filters,
  setFilters,
}: {
  workspaceId: string;
  filters: AuditFilters;
  setFilters: SetAuditFilters;
}) {
  const actors = useAuditActors(workspaceId);
  const names = actors.data?.map((actor) => actor.name) ?? [];
  const shared = new Set(names.filter((name, index) => names.indexOf(name) !== index));
  return (
    <FilterSelect
      label="Actor"
      className="w-48"
      value={filters.actorId}
      onChange={(actorId) => setFilters({ actorId })}
      anyLabel="Anyone"
      options={actors.data?.map((actor) => ({
        value: actor.id,
        label: shared.has(actor.name) ? `${actor.name} (${actor.email})` : actor.name,
      }))}
      unknownLabel={() => "Unknown person"}
      testId="audit-filter-actor"
    />
  );
}

/** The one target the list is narrowed to (from a row's filter button), with a way back. */
function TargetIdChip({
  filters,
  name,
  setFilters,
}: {
  filters: AuditFilters;
  name: string | null;
  setFilters: SetAuditFilters;
}) {
  const kind = filters.targetType ? targetTypeLabel(filters.targetType) : "Target";
  return (
    <div className="flex h-9 max-w-full items-center gap-1 rounded-md border bg-muted/40 pr-1 pl-3 text-sm">
      <span className="truncate" data-testid="audit-target-only">
        Only {kind.toLowerCase()}{" "}
        {name ? (
          <span className="font-medium">{name}</span>
        ) : (
          <code className="font-mono text-xs">{filters.targetId.slice(0, 24)}</code>
        )}
      </span>
      <Button
        variant="ghost"
        size="icon-sm"
        className="size-7"
        aria-label="Show every target again"
        onClick={() => setFilters({ targetId: "" })}
      >
        <X aria-hidden />
      </Button>
    </div>
  );
}

/**
 * The filters bar above the audit table: action category, actor, target type and a range of UTC
 * days; every change goes to the address. "Clear filters" resets them all.
 */
export function AuditFiltersBar({
  workspaceId,
  filters,
  setFilters,
  targetName,
}: {
  workspaceId: string;
  filters: AuditFilters;
  setFilters: SetAuditFilters;
  /** The name of the one target filtered to, when a loaded row tells it. */
  targetName: string | null;
}) {
  const filtered = Object.values(filters).some(Boolean);
  return (
    <section aria-label="Filters" className="mb-4 flex flex-wrap items-end gap-3">
      <FilterSelect
        label="Action"
        className="w-60"
        value={filters.category}
        onChange={(category) => setFilters({ category })}
        anyLabel="All actions"
        options={ACTION_CATEGORIES}
        unknownLabel={(action) => action}
        testId="audit-filter-action"
      />
      <ActorField workspaceId={workspaceId} filters={filters} setFilters={setFilters} />
      <FilterSelect
        label="Target"
        className="w-44"
        value={filters.targetType}
        onChange={(targetType) => setFilters({ targetType, targetId: "" })}
        anyLabel="Any target"
        options={TARGET_TYPE_OPTIONS}
        unknownLabel={targetTypeLabel}
        testId="audit-filter-target"
      />
      <DayRangeFields
        from={filters.from}
        to={filters.to}
        onChange={setFilters}
        suffix=" (UTC)"
        testIdPrefix="audit-filter"
      />
      {filters.targetId && (
        <TargetIdChip filters={filters} name={targetName} setFilters={setFilters} />
      )}
      {filtered && (
        <ClearFiltersButton
          onClick={() => setFilters(NO_AUDIT_FILTERS)}
          testId="audit-clear-filters"
        />
      )}
    </section>
  );
}
