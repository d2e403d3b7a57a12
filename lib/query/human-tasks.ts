"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ReviewPayload } from "@/lib/nodes/human-review.node";
import type { humanDecisionSchema } from "@/lib/schemas/runs";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** How often the open Approvals page asks for new review tasks. */
export const HUMAN_TASKS_POLL_MS = 5_000;

/** A human-review task of a paused run, as GET /api/human-tasks returns it. */
export interface HumanTaskDto {
  id: string;
  runId: string;
  nodeId: string;
  status: string;
  payload: ReviewPayload;
  decision: unknown;
  createdAt: string;
  decidedAt: string | null;
}

/** Body of POST /api/human-tasks/:id/decision. */
export type HumanDecisionInput = z.input<typeof humanDecisionSchema>;

/** Open review tasks of the workspace, oldest first; polls while the page is open and visible. */
export function useHumanTasks(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.humanTasks(workspaceId),
    queryFn: ({ signal }) => apiFetch<{ tasks: HumanTaskDto[] }>("/api/human-tasks", { signal }),
    select: (data) => data.tasks,
    refetchInterval: HUMAN_TASKS_POLL_MS,
  });
}

/**
 * Approves, edits or rejects a task. On success the task leaves the cached list at once; either
 * way the list is refetched (a 409 means someone else decided it first).
 */
export function useDecideHumanTask(workspaceId: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.humanTasks(workspaceId);
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: HumanDecisionInput }) =>
      apiFetch<{ ok: true; runId: string }>(`/api/human-tasks/${encodeURIComponent(id)}/decision`, {
        method: "POST",
        json: decision,
      }),
    onSuccess: (_result, { id }) =>
      queryClient.setQueryData<{ tasks: HumanTaskDto[] }>(queryKey, (data) =>
        data ? { tasks: data.tasks.filter((task) => task.id !== id) } : data,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
