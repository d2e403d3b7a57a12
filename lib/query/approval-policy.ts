"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApprovalPolicyDto } from "@/lib/schemas/change-requests";
import { apiFetch } from "@/lib/query/api";
import { changeRequestsKey } from "@/lib/query/change-requests";
import { queryKeys } from "@/lib/query/keys";

const PATH = "/api/workspaces/active/approval-policy";
const approvalPolicyKey = (workspaceId: string) =>
  ["workspace", workspaceId, "approval-policy"] as const;

/** The workspace's approval policy: required approvals and protected labels. */
export function useApprovalPolicy(workspaceId: string) {
  return useQuery({
    queryKey: approvalPolicyKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<ApprovalPolicyDto>(PATH, { signal }),
  });
}

/** Saves the approval policy; prompts and change requests are refetched (protection and counts change). */
export function useSaveApprovalPolicy(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApprovalPolicyDto) =>
      apiFetch<ApprovalPolicyDto>(PATH, { method: "PUT", json: input }),
    onSuccess: (data) => {
      queryClient.setQueryData(approvalPolicyKey(workspaceId), data);
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompts(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: changeRequestsKey(workspaceId) });
    },
  });
}
