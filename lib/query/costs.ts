"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CostsReport, costsExportViewSchema } from "@/lib/schemas/costs";
import { apiFetch } from "@/lib/query/api";
import type { z } from "zod";

/** A table the CSV export writes: by day, flow, model or node. */
export type CostsExportView = z.infer<typeof costsExportViewSchema>;

/** What GET /api/costs filters by: UTC days (inclusive) and optionally one flow. */
export interface CostsParams {
  from: string;
  to: string;
  flowId: string | null;
}

/** Query key of one costs report; local to the costs page. */
export const costsKey = (workspaceId: string, params: CostsParams) =>
  ["workspace", workspaceId, "costs", params] as const;

/** `from=…&to=…[&flowId=…]` as GET /api/costs and its export take it. */
export function costsSearch({ from, to, flowId }: CostsParams): URLSearchParams {
  const search = new URLSearchParams({ from, to });
  if (flowId) search.set("flowId", flowId);
  return search;
}

/** The CSV download of one view with the page's filters. */
export function costsExportHref(view: CostsExportView, params: CostsParams): string {
  return `/api/costs/export?${new URLSearchParams([["view", view], ...costsSearch(params)])}`;
}

/** The costs report of a range; keeps the previous report on screen while a new range loads. */
export function useCostsReport(workspaceId: string, params: CostsParams) {
  return useQuery({
    queryKey: costsKey(workspaceId, params),
    queryFn: ({ signal }) => apiFetch<CostsReport>(`/api/costs?${costsSearch(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
