"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { cn } from "@/components/ui/cn";
import type { ChangeRequestFilter } from "@/lib/query/change-requests";

const OPTIONS: [ChangeRequestFilter, string][] = [
  ["open", "Open"],
  ["decided", "Decided"],
];

/** The inbox's change-request filter, kept in the address (`?requests=decided`) so Back restores it. */
export function useRequestFilter(): [ChangeRequestFilter, (filter: ChangeRequestFilter) => void] {
  const searchParams = useSearchParams();
  const filter: ChangeRequestFilter =
    searchParams.get("requests") === "decided" ? "decided" : "open";
  const setFilter = useCallback((next: ChangeRequestFilter) => {
    const search = new URLSearchParams(window.location.search);
    if (next === "open") search.delete("requests");
    else search.set("requests", next);
    const query = search.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
  }, []);
  return [filter, setFilter];
}

/** Open / Decided toggle buttons for the change-request list. */
export function RequestFilter({
  value,
  onChange,
}: {
  value: ChangeRequestFilter;
  onChange: (filter: ChangeRequestFilter) => void;
}) {
  return (
    <div
      role="group"
      aria-label="Show change requests"
      className="inline-flex h-9 rounded-md border bg-background p-0.5"
    >
      {OPTIONS.map(([option, label]) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          data-testid={`requests-${option}`}
          onClick={() => onChange(option)}
          className={cn(
            "rounded-sm px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
            value === option && "bg-accent text-accent-foreground shadow-xs",
          )}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
