"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BudgetsResponse } from "@/lib/schemas/budgets";
import { apiFetch } from "@/lib/query/api";

/** Query key of the workspace's budgets. */
export const budgetsKey = (workspaceId: string) => ["workspace", workspaceId, "budgets"] as const;

/** The workspace budget and flow budgets with this month's spend; refetched every minute. */
export function useBudgets(workspaceId: string) {
  return useQuery({
    queryKey: budgetsKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<BudgetsResponse>("/api/budgets", { signal }),
    refetchInterval: 60_000,
  });
}

/** What PUT /api/budgets takes: no flowId for the workspace budget. */
export interface BudgetInput {
  flowId: string | null;
  limitUsd: string;
  hardLimit: boolean;
}

/** Sets the monthly limit of the workspace or of a flow. */
export function useSetBudget(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BudgetInput) =>
      apiFetch<BudgetsResponse>("/api/budgets", { method: "PUT", json: input }),
    onSuccess: (data) => queryClient.setQueryData(budgetsKey(workspaceId), data),
  });
}

/** Removes the budget of the workspace (null) or of a flow. */
export function useDeleteBudget(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (flowId: string | null) =>
      apiFetch<void>(
        flowId ? `/api/budgets?flowId=${encodeURIComponent(flowId)}` : "/api/budgets",
        { method: "DELETE" },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetsKey(workspaceId) }),
  });
}
