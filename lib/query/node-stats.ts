"use client";

import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import type { NodeStatsDto } from "@/lib/schemas/node-stats";
import { apiFetch } from "@/lib/query/api";

const nodeStatsPrefix = (workspaceId: string, flowId: string) =>
  ["workspace", workspaceId, "flows", flowId, "node-stats"] as const;

/** Each node's average cost and latency over the flow's last `last` runs; fetched only when `enabled`. */
export function useNodeStats(workspaceId: string, flowId: string, last: number, enabled: boolean) {
  return useQuery({
    queryKey: [...nodeStatsPrefix(workspaceId, flowId), last] as const,
    queryFn: ({ signal }) =>
      apiFetch<NodeStatsDto>(`/api/flows/${encodeURIComponent(flowId)}/node-stats?last=${last}`, {
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Marks a flow's node stats stale (after a run settles), so the overlay fetches them again. */
export function invalidateNodeStats(queryClient: QueryClient, workspaceId: string, flowId: string) {
  return queryClient.invalidateQueries({ queryKey: nodeStatsPrefix(workspaceId, flowId) });
}
