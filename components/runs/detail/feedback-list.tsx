"use client";

import { KeyRound, ThumbsDown, ThumbsUp } from "lucide-react";
import { formatDateTime } from "@/components/settings/format";
import { Alert } from "@/components/ui/alert";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/query/api";
import { useRunFeedback, type FeedbackDto } from "@/lib/query/run-actions";

/** Who gave a piece of feedback: the member's name, or the API key's id. */
function authorLabel(item: FeedbackDto): string {
  if (item.author) return item.author.name;
  if (item.apiKeyId) return `API key ${item.apiKeyId}`;
  return "A deleted user";
}

/** One piece of feedback: rating, score, comment, author and time. */
function FeedbackItem({ item }: { item: FeedbackDto }) {
  const good = item.rating === "good";
  const Icon = good ? ThumbsUp : ThumbsDown;
  return (
    <li className="flex flex-col gap-1 border-t py-2.5 first:border-t-0" data-rating={item.rating}>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
        <span
          className={
            good
              ? "flex items-center gap-1 font-medium text-green-800 dark:text-green-300"
              : "flex items-center gap-1 font-medium text-red-800 dark:text-red-300"
          }
        >
          <Icon className="size-3.5" aria-hidden />
          {good ? "Good" : "Bad"}
        </span>
        {item.score !== null && <span className="tabular-nums">{`score ${item.score}`}</span>}
        <span className="flex items-center gap-1 text-xs text-muted-foreground">
          {item.apiKeyId && !item.author && <KeyRound className="size-3" aria-hidden />}
          {`${authorLabel(item)} · `}
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </span>
      </p>
      {item.comment && <p className="text-sm break-words whitespace-pre-wrap">{item.comment}</p>}
    </li>
  );
}

/** Earlier feedback on a run, newest as the API orders it; loading and error states included. */
export function FeedbackList({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const feedback = useRunFeedback(workspaceId, runId);
  if (feedback.isPending)
    return (
      <LoadingStatus label="Loading feedback…" className="flex flex-col gap-2">
        <Skeleton className="h-6" />
        <Skeleton className="h-6" />
      </LoadingStatus>
    );
  if (feedback.isError)
    return (
      <Alert variant="error" title="Could not load the feedback">
        {errorMessage(feedback.error)}
      </Alert>
    );
  return (
    <ul aria-label="Earlier feedback" data-testid="feedback-list" className="flex flex-col">
      {feedback.data.length === 0 ? (
        <li className="text-sm text-muted-foreground">No feedback yet.</li>
      ) : (
        feedback.data.map((item) => <FeedbackItem key={item.id} item={item} />)
      )}
    </ul>
  );
}
