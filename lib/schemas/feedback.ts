import { z } from "zod";

/** Ratings a run can get. */
export const RUN_RATINGS = ["good", "bad"] as const;

/** Longest feedback comment, in characters. */
export const MAX_FEEDBACK_COMMENT = 2_000;

/** POST /api/runs/:id/feedback: a rating, an optional score from 0 to 1 and a comment. */
export const runFeedbackSchema = z.strictObject({
  rating: z.enum(RUN_RATINGS),
  score: z.number().min(0).max(1).optional(),
  comment: z.string().trim().max(MAX_FEEDBACK_COMMENT).optional(),
});

/** One piece of feedback on a run, as the API returns it. */
export interface FeedbackDto {
  id: string;
  rating: string;
  score: number | null;
  comment: string;
  /** The member who rated the run; null for an API-key caller or a deleted user. */
  author: { id: string; name: string } | null;
  /** The API key that rated the run (endpoint callers); null for a member. */
  apiKeyId: string | null;
  createdAt: string;
}

/** What POST /api/runs/:id/feedback answers: the new feedback and the run's latest rating. */
export interface RunFeedbackResponse {
  feedback: FeedbackDto;
  run: { id: string; rating: string };
}
