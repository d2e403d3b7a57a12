"use client";

import { keepPreviousData, useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import type { RunListItem, RunListPage } from "@/lib/schemas/run-list";
import { apiFetch } from "@/lib/query/api";

export type { RunListItem, RunListPage };

/** The runs page's filters as the address and GET /api/runs spell them; "" and [] mean "any". */
export interface RunListFilters {
  flowId: string;
  flowVersionId: string;
  status: string[];
  trigger: string[];
  rating: string;
  /** `YYYY-MM-DD` days, inclusive. */
  from: string;
  to: string;
  minCostUsd: string;
  q: string;
}

/** No filter at all. */
export const NO_RUN_FILTERS: RunListFilters = {
  flowId: "",
  flowVersionId: "",
  status: [],
  trigger: [],
  rating: "",
  from: "",
  to: "",
  minCostUsd: "",
  q: "",
};

/** How often the list is fetched again while a loaded run is still in flight. */
export const RUN_LIST_LIVE_MS = 2_000;

const LIVE_STATUSES = new Set(["queued", "running", "waiting"]);

/** True for a run that may still change on its own or by review (queued, running, waiting). */
export function isLiveRun(run: Pick<RunListItem, "status">): boolean {
  return LIVE_STATUSES.has(run.status);
}

/** Query key of one filtered list (every page of it). */
export function runListKey(workspaceId: string, filters: RunListFilters) {
  return ["workspace", workspaceId, "run-list", filters] as const;
}

/** True when any filter or the search is set. */
export function hasRunFilters(filters: RunListFilters): boolean {
  return runFiltersSearch(filters).size > 0;
}

/** The filters as query parameters (only the set ones, lists comma-separated), for the address and the API. */
export function runFiltersSearch(filters: RunListFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [string, string | string[]][]) {
    const text = Array.isArray(value) ? value.join(",") : value.trim();
    if (text) search.set(name, text);
  }
  return search;
}

/** Every loaded run of an infinite list, in order. */
export function loadedRuns(data: InfiniteData<RunListPage> | undefined): RunListItem[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/**
 * GET /api/runs pages for the filters, newest first; "Load more" fetches the next cursor. While a
 * loaded run is queued, running or waiting, every loaded page is fetched again every 2 s, so new
 * runs appear at the top and statuses move on.
 */
export function useRunList(workspaceId: string, filters: RunListFilters) {
  return useInfiniteQuery({
    queryKey: runListKey(workspaceId, filters),
    queryFn: ({ pageParam, signal }) => {
      const search = runFiltersSearch(filters);
      if (pageParam) search.set("cursor", pageParam);
      return apiFetch<RunListPage>(`/api/runs?${search}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      loadedRuns(query.state.data).some(isLiveRun) ? RUN_LIST_LIVE_MS : false,
  });
}
