"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  FlowDiff,
  FlowVersionDto,
  FlowVersionSummaryDto,
  FlowWithIssuesDto,
} from "@/lib/schemas/flows";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

const versionsPath = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/versions`;

/** Saved versions of a flow, newest first (GET /api/flows/:id/versions). */
export function useFlowVersions(workspaceId: string, flowId: string) {
  return useQuery({
    queryKey: queryKeys.flowVersions(workspaceId, flowId),
    queryFn: ({ signal }) =>
      apiFetch<{ versions: FlowVersionSummaryDto[] }>(versionsPath(flowId), { signal }),
    select: (data) => data.versions,
  });
}

/** One saved version with its graph; versions never change, so it is fetched once. */
export function useFlowVersion(workspaceId: string, flowId: string, versionId: string | null) {
  return useQuery({
    queryKey: [...queryKeys.flowVersions(workspaceId, flowId), "detail", versionId] as const,
    queryFn: ({ signal }) =>
      apiFetch<{ version: FlowVersionDto }>(
        `${versionsPath(flowId)}/${encodeURIComponent(versionId ?? "")}`,
        { signal },
      ),
    select: (data) => data.version,
    enabled: versionId !== null,
    staleTime: Infinity,
  });
}

/**
 * GET /api/flows/:id/diff between two version ids or "draft". `draftRevision` is part of the key
 * so a diff against the draft is fetched again after each save of the draft.
 */
export function useFlowDiff(
  workspaceId: string,
  flowId: string,
  from: string | null,
  to: string | null,
  draftRevision: number,
) {
  const touchesDraft = from === "draft" || to === "draft";
  return useQuery({
    queryKey: [
      ...queryKeys.flowVersions(workspaceId, flowId),
      "diff",
      from,
      to,
      touchesDraft ? draftRevision : null,
    ] as const,
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ from: from ?? "", to: to ?? "" });
      return apiFetch<FlowDiff>(`/api/flows/${encodeURIComponent(flowId)}/diff?${query}`, {
        signal,
      });
    },
    enabled: from !== null && to !== null,
  });
}

/** Snapshots the draft at `revision` as the next version (400 `validation_failed` with `flowIssues` while it has errors). */
export function useSaveFlowVersion(workspaceId: string, flowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { message: string; revision: number }) =>
      apiFetch<{ version: FlowVersionSummaryDto }>(versionsPath(flowId), {
        method: "POST",
        json: input,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.flowVersions(workspaceId, flowId) }),
  });
}

/** Copies a version's graph into the draft at `revision`; answers like PATCH with the new draft. */
export function useRestoreFlowVersion(flowId: string) {
  return useMutation({
    mutationFn: ({ versionId, revision }: { versionId: string; revision: number }) =>
      apiFetch<FlowWithIssuesDto>(
        `${versionsPath(flowId)}/${encodeURIComponent(versionId)}/restore`,
        { method: "POST", json: { revision } },
      ),
  });
}
