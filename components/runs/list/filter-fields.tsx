"use client";

import { X } from "lucide-react";
import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SearchInput } from "@/components/ui/search-input";
import { Select } from "@/components/ui/select";
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

/** "Clear filters": a ghost button in a filters bar, an outline one where no row matches. */
export function ClearFiltersButton({
  variant = "ghost",
  onClick,
  testId,
}: {
  variant?: "ghost" | "outline";
  onClick: () => void;
  testId?: string;
}) {
  return (
    <Button variant={variant} onClick={onClick} data-testid={testId}>
      <X aria-hidden />
      Clear filters
    </Button>
  );
}

/** One choice of a FilterSelect. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled filter select: "any" (the empty value) and the options; a value from the address
 * that no option has stays selectable under `unknownLabel`, so the control shows what filters.
 */
export function FilterSelect({
  label,
  className,
  value,
  onChange,
  anyLabel,
  options,
  unknownLabel,
  testId,
}: {
  label: string;
  className?: string;
  value: string;
  onChange: (value: string) => void;
  anyLabel: string;
  /** Undefined while the options load (no value counts as unknown yet). */
  options: FilterOption[] | undefined;
  unknownLabel: (value: string) => string;
  testId: string;
}) {
  const unknown = value && options && !options.some((option) => option.value === value);
  return (
    <Field label={label} className={className}>
      {(id) => (
        <Select
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        >
          <option value="">{anyLabel}</option>
          {unknown && <option value={value}>{unknownLabel(value)}</option>}
          {options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** A From and a To day field (inclusive `YYYY-MM-DD`); each one bounds the other's picker. */
export function DayRangeFields({
  from,
  to,
  onChange,
  suffix = "",
  testIdPrefix,
}: {
  from: string;
  to: string;
  onChange: (patch: { from: string } | { to: string }) => void;
  /** Added to both labels, e.g. " (UTC)". */
  suffix?: string;
  testIdPrefix: string;
}) {
  const edges = [
    { name: "from", label: "From", value: from, min: undefined, max: to || undefined },
    { name: "to", label: "To", value: to, min: from || undefined, max: undefined },
  ] as const;
  return edges.map((edge) => (
    <Field key={edge.name} label={`${edge.label}${suffix}`} className="w-36">
      {(id) => (
        <Input
          id={id}
          type="date"
          value={edge.value}
          min={edge.min}
          max={edge.max}
          onChange={(event) =>
            onChange(
              edge.name === "from" ? { from: event.target.value } : { to: event.target.value },
            )
          }
          data-testid={`${testIdPrefix}-${edge.name}`}
        />
      )}
    </Field>
  ));
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
