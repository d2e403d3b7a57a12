"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** A flow as GET /api/flows lists it. */
export interface FlowSummaryDto {
  id: string;
  name: string;
  description: string;
  revision: number;
  updatedAt: string;
}

/** Flows of the workspace, most recently updated first. */
export function useFlows(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.flows(workspaceId),
    queryFn: ({ signal }) => apiFetch<{ flows: FlowSummaryDto[] }>("/api/flows", { signal }),
    select: (data) => [...data.flows].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  });
}
