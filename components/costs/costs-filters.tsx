"use client";

import { useId } from "react";
import { RANGE_PRESETS, presetRange, utcDay, type CostsFilters } from "@/components/costs/range";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import type { ApiFieldIssue } from "@/lib/query/api";

/** A flow the filter offers. */
export interface FlowOption {
  id: string;
  name: string;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-xs text-danger">
      {message}
    </p>
  );
}

/**
 * The range (quick ranges or custom UTC days) and flow the page reports on; `issues` are the
 * API's validation errors, shown under the field they are about.
 */
export function CostsFiltersBar({
  filters,
  onChange,
  flows,
  issues,
  loading,
}: {
  filters: CostsFilters;
  onChange: (filters: CostsFilters) => void;
  flows: FlowOption[];
  issues: ApiFieldIssue[];
  /** A new report is loading (the previous one stays on screen meanwhile). */
  loading: boolean;
}) {
  const id = useId();
  const issueOf = (path: string) => issues.find((issue) => issue.path === path)?.message;
  const other = issues.filter((issue) => !["from", "to", "flowId"].includes(issue.path));
  const known = !filters.flowId || flows.some((flow) => flow.id === filters.flowId);
  const field = (name: "from" | "to") => ({
    id: `${id}-${name}`,
    type: "date",
    value: filters[name],
    "aria-invalid": Boolean(issueOf(name)),
    "aria-describedby": issueOf(name) ? `${id}-${name}-error` : undefined,
    "data-testid": `costs-range-${name}`,
    className: "w-40",
    onChange: (event: { target: { value: string } }) =>
      onChange({ ...filters, preset: null, [name]: event.target.value }),
  });
  return (
    <div className="flex flex-col gap-2 rounded-lg border bg-card p-4 shadow-xs">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-2">
          <span className="text-sm font-medium leading-none" id={`${id}-presets`}>
            Range
          </span>
          <div
            role="group"
            aria-labelledby={`${id}-presets`}
            className="inline-flex h-9 rounded-md border bg-background p-0.5"
          >
            {RANGE_PRESETS.map(([preset, label]) => (
              <button
                key={preset}
                type="button"
                aria-pressed={filters.preset === preset}
                data-testid={`costs-range-${preset}`}
                onClick={() =>
                  onChange({ ...filters, preset, ...presetRange(preset, utcDay(new Date())) })
                }
                className={cn(
                  "rounded-sm px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
                  filters.preset === preset && "bg-accent text-accent-foreground shadow-xs",
                )}
              >
                {label}
              </button>
            ))}
          </div>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-from`}>From</Label>
          <Input {...field("from")} />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-to`}>To</Label>
          <Input {...field("to")} />
        </div>
        <div className="flex min-w-48 flex-1 flex-col gap-2 sm:max-w-72">
          <Label htmlFor={`${id}-flow`}>Flow</Label>
          <Select
            id={`${id}-flow`}
            data-testid="costs-flow-filter"
            value={filters.flowId ?? ""}
            aria-invalid={Boolean(issueOf("flowId"))}
            aria-describedby={issueOf("flowId") ? `${id}-flowId-error` : undefined}
            onChange={(event) => onChange({ ...filters, flowId: event.target.value || null })}
          >
            <option value="">All flows</option>
            {!known && <option value={filters.flowId ?? ""}>A deleted or unknown flow</option>}
            {flows.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {flow.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <FieldError id={`${id}-from-error`} message={issueOf("from") && `From: ${issueOf("from")}`} />
      <FieldError id={`${id}-to-error`} message={issueOf("to") && `To: ${issueOf("to")}`} />
      <FieldError
        id={`${id}-flowId-error`}
        message={issueOf("flowId") && `Flow: ${issueOf("flowId")}`}
      />
      {other.map((issue) => (
        <FieldError
          key={`${issue.path}:${issue.message}`}
          id={`${id}-other`}
          message={issue.message}
        />
      ))}
      <div className="flex items-center gap-3 text-xs text-muted-foreground">
        <p>Days are UTC; both ends are included.</p>
        <span aria-live="polite" className="flex items-center gap-1.5">
          {loading && (
            <>
              <Spinner className="size-3.5" />
              Updating…
            </>
          )}
        </span>
      </div>
    </div>
  );
}
