import type { z } from "zod";
import { addRunFeedback, listRunFeedback, type FeedbackRecord } from "@/lib/db/feedback";
import { loadRun } from "@/lib/db/runs";
import type { FeedbackDto, RunFeedbackResponse, runFeedbackSchema } from "@/lib/schemas/feedback";
import { errors } from "../errors";

/**
 * Who rates a run: a workspace member (the run page), or an API key (the endpoint API of a later
 * issue; no API-key route calls this yet).
 */
export type FeedbackCaller = { user: { id: string } } | { apiKeyId: string };

function toFeedbackDto(row: FeedbackRecord): FeedbackDto {
  return {
    id: row.id,
    rating: row.rating,
    score: row.score,
    comment: row.comment,
    author: row.authorId && row.authorName ? { id: row.authorId, name: row.authorName } : null,
    apiKeyId: row.apiKeyId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Records a rating (with an optional score and comment) on a run of the workspace and makes it
 * the run's rating; 404 for an unknown run or another workspace's. Any member may rate a run
 * (the route asks only for "workspace.read"): feedback says how good an output was, it changes
 * nothing the run did.
 */
export async function rateRun(
  workspaceId: string,
  runId: string,
  caller: FeedbackCaller,
  body: z.output<typeof runFeedbackSchema>,
): Promise<RunFeedbackResponse> {
  const who = "user" in caller ? { authorId: caller.user.id } : { apiKeyId: caller.apiKeyId };
  const row = await addRunFeedback(workspaceId, runId, { ...body, ...who });
  if (!row) throw errors.notFound("Run");
  return { feedback: toFeedbackDto(row), run: { id: runId, rating: row.rating } };
}

/** The feedback on a run of the workspace, newest first; 404 for another workspace's run. */
export async function runFeedback(workspaceId: string, runId: string): Promise<FeedbackDto[]> {
  if (!(await loadRun(runId, workspaceId))) throw errors.notFound("Run");
  return (await listRunFeedback(workspaceId, runId)).map(toFeedbackDto);
}
