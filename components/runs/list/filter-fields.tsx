"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SearchInput } from "@/components/ui/search-input";
import { useFlowVersions } from "@/lib/query/flow-versions";
import type { RunListFilters } from "@/lib/query/run-list";
import { MAX_RUN_SEARCH_LENGTH } from "@/lib/schemas/run-list";
import { useDebouncedFilter, type SetRunFilters } from "./use-url-filters";

const TYPING_DELAY_MS = 300;

/** A labelled control of the filters bar. */
export function Field({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children(id)}
    </div>
  );
}

/** The saved versions of the chosen flow, newest first; mounted only once a flow is chosen. */
export function VersionOptions({ workspaceId, flowId }: { workspaceId: string; flowId: string }) {
  const versions = useFlowVersions(workspaceId, flowId);
  return versions.data?.map((version) => (
    <option key={version.id} value={version.id}>
      v{version.version}
      {version.message ? ` · ${version.message.slice(0, 40)}` : ""}
    </option>
  ));
}

/** The search box: run id or input text, committed to the address once typing pauses. */
export function SearchBox({
  filters,
  setFilters,
  searching,
}: {
  filters: RunListFilters;
  setFilters: SetRunFilters;
  searching: boolean;
}) {
  const [search, setSearch] = useDebouncedFilter(
    filters.q,
    (q) => setFilters({ q }, "replace"),
    TYPING_DELAY_MS,
  );
  return (
    <Field label="Search runs" className="min-w-64 flex-1">
      {(id) => (
        <SearchInput
          id={id}
          placeholder="Run id or text in the input"
          value={search}
          onValueChange={setSearch}
          searching={searching}
          maxLength={MAX_RUN_SEARCH_LENGTH}
          data-testid="runs-search"
        />
      )}
    </Field>
  );
}

/** The minimum cost field (USD), committed once typing pauses. */
export function MinCostField({
  filters,
  setFilters,
}: {
  filters: RunListFilters;
  setFilters: SetRunFilters;
}) {
  const [minCost, setMinCost] = useDebouncedFilter(
    filters.minCostUsd,
    (minCostUsd) => setFilters({ minCostUsd }, "replace"),
    TYPING_DELAY_MS,
  );
  return (
    <Field label="Min cost (USD)" className="w-32">
      {(id) => (
        <Input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          placeholder="0.00"
          value={minCost}
          onChange={(event) => setMinCost(event.target.value)}
          data-testid="runs-filter-min-cost"
        />
      )}
    </Field>
  );
}
