"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NodeAttemptDto, RunDto } from "@/lib/schemas/runs";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

export type { NodeAttemptDto, RunDto };

/** How long POST /api/flows/:id/runs may wait for the result before answering 202. */
export const RUN_WAIT_MS = 30_000;
/** How often a run that is still in flight is fetched again. */
export const RUN_POLL_MS = 1_000;

/** Statuses after which a run changes no more on its own (a waiting run needs a reviewer). */
const SETTLED = new Set(["succeeded", "failed", "cancelled", "waiting"]);

/** True once a run has finished or paused for review. */
export function isSettledStatus(status: string | undefined): boolean {
  return status !== undefined && SETTLED.has(status);
}

/** A run with every node attempt, as GET /api/runs/:id returns it. */
export interface RunDetailDto {
  run: RunDto;
  nodes: NodeAttemptDto[];
}

/** Runs a flow's draft with `input`; waits up to RUN_WAIT_MS for it to settle. */
export function useStartRun(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flowId, input }: { flowId: string; input: unknown }) =>
      apiFetch<{ run: RunDto }>(`/api/flows/${encodeURIComponent(flowId)}/runs`, {
        method: "POST",
        json: { input, waitMs: RUN_WAIT_MS },
      }),
    onSuccess: ({ run }) => {
      if (run.status === "waiting")
        void queryClient.invalidateQueries({ queryKey: queryKeys.humanTasks(workspaceId) });
    },
  });
}

/** A run and its node attempts; fetched every RUN_POLL_MS until the run settles. */
export function useRunDetail(workspaceId: string, runId: string | null) {
  return useQuery({
    queryKey: queryKeys.run(workspaceId, runId ?? ""),
    queryFn: ({ signal }) =>
      apiFetch<RunDetailDto>(`/api/runs/${encodeURIComponent(runId ?? "")}`, { signal }),
    enabled: runId !== null,
    staleTime: 0,
    refetchInterval: (query) =>
      isSettledStatus(query.state.data?.run.status) || query.state.status === "error"
        ? false
        : RUN_POLL_MS,
  });
}
