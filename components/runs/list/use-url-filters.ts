"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { NO_RUN_FILTERS, runFiltersSearch, type RunListFilters } from "@/lib/query/run-list";
import { runFiltersFromSearch } from "./url-filters";

/** Changes some filters; "push" adds a history entry (Back undoes it), "replace" does not. */
export type SetRunFilters = (patch: Partial<RunListFilters>, mode?: "push" | "replace") => void;

/**
 * The runs page's filters, kept in the address so a view can be shared and Back restores the
 * previous one. Next.js syncs `useSearchParams` with the native history calls used here.
 */
export function useUrlFilters(): [RunListFilters, SetRunFilters] {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const filters = useMemo(() => runFiltersFromSearch(new URLSearchParams(query)), [query]);
  const setFilters = useCallback<SetRunFilters>(
    (patch, mode = "push") => {
      const next = { ...filters, ...patch };
      if (patch.flowId !== undefined && patch.flowId !== filters.flowId) next.flowVersionId = "";
      const search = runFiltersSearch(next).toString();
      if (search === query) return;
      const url = `${window.location.pathname}${search ? `?${search}` : ""}`;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [filters, query],
  );
  return [filters, setFilters];
}

/** Clears every filter and the search (one history entry). */
export function clearRunFilters(setFilters: SetRunFilters): void {
  setFilters(NO_RUN_FILTERS);
}

/**
 * A text filter typed into a field: the field's own value now, committed to the address once it
 * stops changing for `delayMs`; follows the address when it changes from elsewhere (Back, Clear).
 */
export function useDebouncedFilter(
  value: string,
  commit: (value: string) => void,
  delayMs: number,
): [string, (value: string) => void] {
  const [draft, setDraft] = useState(value);
  const [followed, setFollowed] = useState(value);
  if (value !== followed) {
    // The address changed: show its value unless the field already says it (modulo spaces).
    setFollowed(value);
    if (draft.trim() !== value) setDraft(value);
  }
  const debounced = useDebouncedValue(draft, delayMs);
  const latest = useRef({ value, commit });
  useEffect(() => {
    latest.current = { value, commit };
  });
  // Only a change of the debounced text commits; the address changing must not re-commit stale text.
  useEffect(() => {
    if (debounced.trim() !== latest.current.value) latest.current.commit(debounced.trim());
  }, [debounced]);
  return [draft, setDraft];
}
