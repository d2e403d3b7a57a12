import { getDb } from "./client";
import { withAuthorNames } from "./users";

/** A run feedback row with its author's name when a member wrote it and still exists. */
export interface FeedbackRecord {
  id: string;
  runId: string;
  rating: string;
  score: number | null;
  comment: string;
  authorId: string | null;
  authorName: string | null;
  apiKeyId: string | null;
  createdAt: Date;
}

/** What a new piece of feedback says and who gave it (a member, or an API key). */
export interface NewFeedback {
  rating: string;
  score?: number;
  comment?: string;
  authorId?: string;
  apiKeyId?: string;
}

const fields = {
  id: true,
  runId: true,
  rating: true,
  score: true,
  comment: true,
  authorId: true,
  apiKeyId: true,
  createdAt: true,
} as const;

/**
 * Records feedback on a run of the workspace and copies its rating to Run.rating, in one
 * transaction; null when the workspace has no such run. The run row is updated first, so
 * concurrent ratings of one run commit in turn and the latest feedback is the run's rating.
 */
export async function addRunFeedback(
  workspaceId: string,
  runId: string,
  feedback: NewFeedback,
): Promise<FeedbackRecord | null> {
  const row = await getDb().$transaction(async (tx) => {
    const rated = await tx.run.updateMany({
      where: { id: runId, workspaceId },
      data: { rating: feedback.rating },
    });
    if (rated.count === 0) return null;
    return tx.runFeedback.create({
      data: { ...feedback, workspaceId, runId, createdAt: new Date() },
      select: fields,
    });
  });
  return row ? (await withAuthorNames([row]))[0]! : null;
}

/** Most feedback rows one listing returns. */
export const FEEDBACK_LIST_LIMIT = 500;

/** The feedback on a run of the workspace, newest first (at most {@link FEEDBACK_LIST_LIMIT}). */
export async function listRunFeedback(
  workspaceId: string,
  runId: string,
): Promise<FeedbackRecord[]> {
  const rows = await getDb().runFeedback.findMany({
    where: { workspaceId, runId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: fields,
    take: FEEDBACK_LIST_LIMIT,
  });
  return withAuthorNames(rows);
}
