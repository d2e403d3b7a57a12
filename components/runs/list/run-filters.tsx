"use client";

import { statusLabel } from "@/components/flows/run-status-badge";
import { Select } from "@/components/ui/select";
import { useFlows } from "@/lib/query/flows";
import { hasRunFilters, type RunListFilters } from "@/lib/query/run-list";
import { RUN_RATINGS, RUN_STATUSES, RUN_TRIGGERS } from "@/lib/schemas/run-list";
import {
  ClearFiltersButton,
  DayRangeFields,
  Field,
  FilterSelect,
  MinCostField,
  SearchBox,
  VersionOptions,
} from "./filter-fields";
import { ratingLabel, triggerLabel } from "./labels";
import { MultiSelectFilter } from "./multi-select";
import { clearRunFilters, type SetRunFilters } from "./use-url-filters";

/** The flow select (every flow of the workspace by name) and the chosen flow's version select. */
function FlowFields({
  workspaceId,
  filters,
  setFilters,
}: {
  workspaceId: string;
  filters: RunListFilters;
  setFilters: SetRunFilters;
}) {
  const flows = useFlows(workspaceId, { q: "", sort: "name" });
  return (
    <>
      <FilterSelect
        label="Flow"
        className="w-52"
        value={filters.flowId}
        onChange={(flowId) => setFilters({ flowId })}
        anyLabel="All flows"
        options={flows.data?.map((flow) => ({ value: flow.id, label: flow.name }))}
        unknownLabel={() => "Unknown flow"}
        testId="runs-filter-flow"
      />
      <Field label="Version" className="w-40">
        {(id) => (
          <Select
            id={id}
            value={filters.flowVersionId}
            disabled={!filters.flowId}
            title={filters.flowId ? undefined : "Choose a flow first"}
            onChange={(event) => setFilters({ flowVersionId: event.target.value })}
            data-testid="runs-filter-version"
          >
            <option value="">Any version</option>
            {filters.flowId && <VersionOptions workspaceId={workspaceId} flowId={filters.flowId} />}
          </Select>
        )}
      </Field>
    </>
  );
}

/**
 * The filters bar above the runs table: search, flow and version, status, trigger, rating, date
 * range and minimum cost; every change goes to the address. "Clear filters" resets them all.
 */
export function RunFilters({
  workspaceId,
  filters,
  setFilters,
  searching,
}: {
  workspaceId: string;
  filters: RunListFilters;
  setFilters: SetRunFilters;
  searching: boolean;
}) {
  return (
    <section aria-label="Filters" className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <SearchBox filters={filters} setFilters={setFilters} searching={searching} />
        <FlowFields workspaceId={workspaceId} filters={filters} setFilters={setFilters} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <MultiSelectFilter
          label="Status"
          options={RUN_STATUSES}
          selected={filters.status}
          onChange={(status) => setFilters({ status })}
          labelOf={statusLabel}
          testId="runs-filter-status"
        />
        <MultiSelectFilter
          label="Trigger"
          options={RUN_TRIGGERS}
          selected={filters.trigger}
          onChange={(trigger) => setFilters({ trigger })}
          labelOf={triggerLabel}
          testId="runs-filter-trigger"
        />
        <Field label="Rating" className="w-36">
          {(id) => (
            <Select
              id={id}
              value={filters.rating}
              onChange={(event) => setFilters({ rating: event.target.value })}
              data-testid="runs-filter-rating"
            >
              <option value="">Any rating</option>
              {RUN_RATINGS.map((rating) => (
                <option key={rating} value={rating}>
                  {ratingLabel(rating)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <DayRangeFields
          from={filters.from}
          to={filters.to}
          onChange={setFilters}
          testIdPrefix="runs-filter"
        />
        <MinCostField filters={filters} setFilters={setFilters} />
        {hasRunFilters(filters) && (
          <ClearFiltersButton
            onClick={() => clearRunFilters(setFilters)}
            testId="runs-clear-filters"
          />
        )}
      </div>
    </section>
  );
}
