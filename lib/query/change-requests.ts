"use client";

import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import type {
  ApprovalsSummaryDto,
  ChangeRequestDetailDto,
  ChangeRequestListDto,
  DecisionInput,
} from "@/lib/schemas/change-requests";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** How often the nav badge asks how many approvals wait for the viewer. */
export const APPROVALS_SUMMARY_POLL_MS = 15_000;

/** Which change requests a list shows: still open, or decided (applied, rejected, cancelled). */
export type ChangeRequestFilter = "open" | "decided";

/** The statuses GET /api/change-requests is asked for, per filter. */
const FILTER_STATUSES: Record<ChangeRequestFilter, string> = {
  open: "open",
  decided: "approved,applied,rejected,cancelled",
};

/** Prefix of every change-request query of a workspace (lists and details). */
export function changeRequestsKey(workspaceId: string) {
  return ["workspace", workspaceId, "change-requests"] as const;
}

function changeRequestKey(workspaceId: string, id: string) {
  return [...changeRequestsKey(workspaceId), "detail", id] as const;
}

function approvalsSummaryKey(workspaceId: string) {
  return ["workspace", workspaceId, "approvals-summary"] as const;
}

/**
 * Change requests of the workspace for a filter; "Load more" reads the next cursor. The open list
 * refreshes itself as often as the nav badge.
 */
export function useChangeRequests(
  workspaceId: string,
  filter: ChangeRequestFilter,
  enabled = true,
) {
  return useInfiniteQuery({
    queryKey: [...changeRequestsKey(workspaceId), "list", filter],
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams({ status: FILTER_STATUSES[filter] });
      if (pageParam) search.set("cursor", pageParam);
      return apiFetch<ChangeRequestListDto>(`/api/change-requests?${search}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: filter === "open" ? APPROVALS_SUMMARY_POLL_MS : false,
    enabled,
  });
}

/**
 * One change request with its description, decisions, diff and whether the viewer may decide;
 * refreshed as often as the nav badge while it is open, so other approvers' decisions show up.
 */
export function useChangeRequest(workspaceId: string, id: string) {
  return useQuery({
    queryKey: changeRequestKey(workspaceId, id),
    queryFn: ({ signal }) =>
      apiFetch<ChangeRequestDetailDto>(`/api/change-requests/${encodeURIComponent(id)}`, {
        signal,
      }),
    refetchInterval: (query) =>
      query.state.data?.status === "open" ? APPROVALS_SUMMARY_POLL_MS : false,
  });
}

/** How many change requests and review tasks wait for the viewer; polls for the nav badge. */
export function useApprovalsSummary(workspaceId: string) {
  return useQuery({
    queryKey: approvalsSummaryKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<ApprovalsSummaryDto>("/api/approvals/summary", { signal }),
    refetchInterval: APPROVALS_SUMMARY_POLL_MS,
  });
}

/** Refetches the approvals badge (after a review task or change request is decided). */
export function useRefreshApprovalsSummary(workspaceId: string): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: approvalsSummaryKey(workspaceId) });
}

/** After any change to a request: its lists, its page, the badge and the prompts (labels move). */
function refreshAfterChange(queryClient: QueryClient, workspaceId: string) {
  for (const queryKey of [
    changeRequestsKey(workspaceId),
    approvalsSummaryKey(workspaceId),
    queryKeys.prompts(workspaceId),
  ]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/**
 * A POST on one change request (decide, cancel): the answer (the request as it is now) replaces the
 * cached page, and everything else it may change is refetched, on failure too (a 409 means the
 * request changed meanwhile).
 */
function useChangeRequestAction<TInput>(
  workspaceId: string,
  id: string,
  action: "decisions" | "cancel",
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) =>
      apiFetch<ChangeRequestDetailDto>(`/api/change-requests/${encodeURIComponent(id)}/${action}`, {
        method: "POST",
        json: input,
      }),
    onSuccess: (data) => queryClient.setQueryData(changeRequestKey(workspaceId, id), data),
    onSettled: () => refreshAfterChange(queryClient, workspaceId),
  });
}

/** Approves or rejects a change request with a comment. */
export function useDecideChangeRequest(workspaceId: string, id: string) {
  return useChangeRequestAction<DecisionInput>(workspaceId, id, "decisions");
}

/** Cancels the viewer's own open change request. */
export function useCancelChangeRequest(workspaceId: string, id: string) {
  return useChangeRequestAction<Record<string, never>>(workspaceId, id, "cancel");
}
