"use client";

import { useQuery } from "@tanstack/react-query";
import type { FlowVersionSummaryDto } from "@/lib/schemas/flows";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** Saved versions of a flow, newest first (GET /api/flows/:id/versions). */
export function useFlowVersions(workspaceId: string, flowId: string) {
  return useQuery({
    queryKey: queryKeys.flowVersions(workspaceId, flowId),
    queryFn: ({ signal }) =>
      apiFetch<{ versions: FlowVersionSummaryDto[] }>(
        `/api/flows/${encodeURIComponent(flowId)}/versions`,
        { signal },
      ),
    select: (data) => data.versions,
  });
}
