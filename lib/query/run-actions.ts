"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FeedbackDto, RunFeedbackResponse } from "@/lib/schemas/feedback";
import type { RunDto } from "@/lib/schemas/runs";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

export type { FeedbackDto };

/** Which graph a replay runs: the one the run used, or the flow's latest saved version. */
export type ReplayVersion = "same" | "latest";

/** What POST /api/runs/:id/feedback takes. */
export interface FeedbackInput {
  rating: "good" | "bad";
  score?: number;
  comment?: string;
}

const runPath = (runId: string, rest: string) => `/api/runs/${encodeURIComponent(runId)}${rest}`;

/** Query key of a run's feedback list. */
export const runFeedbackKey = (workspaceId: string, runId: string) =>
  ["workspace", workspaceId, "runs", runId, "feedback"] as const;

/** POST /api/runs/:id/replay: a new run with the same input; answers the new run (202). */
export function useReplayRun(runId: string) {
  return useMutation({
    mutationFn: (version: ReplayVersion) =>
      apiFetch<{ run: RunDto }>(runPath(runId, "/replay"), {
        method: "POST",
        json: { version },
      }),
  });
}

/** POST /api/runs/:id/resume: a failed run continued from its failed node (202). */
export function useResumeRun(runId: string) {
  return useMutation({
    mutationFn: () =>
      apiFetch<{ run: RunDto }>(runPath(runId, "/resume"), { method: "POST", json: {} }),
  });
}

/** GET /api/runs/:id/feedback: every rating of the run, as the API orders them. */
export function useRunFeedback(workspaceId: string, runId: string) {
  return useQuery({
    queryKey: runFeedbackKey(workspaceId, runId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: FeedbackDto[] }>(runPath(runId, "/feedback"), { signal }),
    select: (data) => data.items,
  });
}

/** POST /api/runs/:id/feedback; refreshes the feedback list and the run's rating. */
export function useSubmitFeedback(workspaceId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FeedbackInput) =>
      apiFetch<RunFeedbackResponse>(runPath(runId, "/feedback"), {
        method: "POST",
        json: input,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: runFeedbackKey(workspaceId, runId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.run(workspaceId, runId), exact: true }),
      ]),
  });
}
