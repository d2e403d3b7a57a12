"use client";

import { ThumbsDown, ThumbsUp } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { FeedbackList } from "@/components/runs/detail/feedback-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { errorMessage } from "@/lib/query/api";
import { useSubmitFeedback, type FeedbackInput } from "@/lib/query/run-actions";
import { MAX_FEEDBACK_COMMENT } from "@/lib/schemas/feedback";

/** The score field's text as a number from 0 to 1, undefined when empty, or an error message. */
export function parseScore(text: string): number | undefined | string {
  if (!text.trim()) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : "Enter a number from 0 to 1.";
}

/** A thumbs up or down toggle. */
function RatingButton({
  rating,
  chosen,
  onChoose,
}: {
  rating: FeedbackInput["rating"];
  chosen: boolean;
  onChoose: () => void;
}) {
  const good = rating === "good";
  const Icon = good ? ThumbsUp : ThumbsDown;
  return (
    <Button
      variant="outline"
      size="sm"
      aria-pressed={chosen}
      onClick={onChoose}
      data-testid={good ? "feedback-good" : "feedback-bad"}
      className={cn(
        chosen &&
          (good
            ? "border-green-600 bg-green-50 text-green-800 hover:bg-green-100 dark:bg-green-950/60 dark:text-green-300"
            : "border-red-600 bg-red-50 text-red-800 hover:bg-red-100 dark:bg-red-950/60 dark:text-red-300"),
      )}
    >
      <Icon aria-hidden />
      {good ? "Good" : "Bad"}
    </Button>
  );
}

/** Rate a run (thumbs up or down, optional score and comment) and read earlier ratings. */
export function RunFeedback({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const id = useId();
  const submit = useSubmitFeedback(workspaceId, runId);
  const [rating, setRating] = useState<FeedbackInput["rating"] | null>(null);
  const [score, setScore] = useState("");
  const [comment, setComment] = useState("");
  const parsedScore = parseScore(score);
  const scoreError = typeof parsedScore === "string" ? parsedScore : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!rating || scoreError) return;
    const input: FeedbackInput = { rating };
    if (typeof parsedScore === "number") input.score = parsedScore;
    if (comment.trim()) input.comment = comment.trim();
    submit.mutate(input, {
      onSuccess: () => {
        setRating(null);
        setScore("");
        setComment("");
        toast.success("Thanks: your feedback is saved");
      },
    });
  };

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-4 rounded-md border p-4"
    >
      <h2 id={`${id}-heading`} className="text-base font-semibold tracking-tight">
        Feedback
      </h2>
      <form
        onSubmit={onSubmit}
        className="flex max-w-2xl flex-col gap-3"
        aria-label="Rate this run"
      >
        <div role="group" aria-label="Rating" className="flex gap-2">
          <RatingButton
            rating="good"
            chosen={rating === "good"}
            onChoose={() => setRating(rating === "good" ? null : "good")}
          />
          <RatingButton
            rating="bad"
            chosen={rating === "bad"}
            onChoose={() => setRating(rating === "bad" ? null : "bad")}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-score`}>Score (0 to 1, optional)</Label>
          <Input
            id={`${id}-score`}
            type="number"
            inputMode="decimal"
            min={0}
            max={1}
            step={0.05}
            value={score}
            onChange={(event) => setScore(event.target.value)}
            aria-invalid={Boolean(scoreError)}
            aria-describedby={scoreError ? `${id}-score-error` : undefined}
            className="w-32"
          />
          {scoreError && (
            <p id={`${id}-score-error`} className="text-sm text-danger">
              {scoreError}
            </p>
          )}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-comment`}>Comment (optional)</Label>
          <Textarea
            id={`${id}-comment`}
            value={comment}
            maxLength={MAX_FEEDBACK_COMMENT}
            onChange={(event) => setComment(event.target.value)}
            rows={3}
          />
        </div>
        {submit.isError && (
          <Alert variant="error" title="Could not save the feedback">
            {errorMessage(submit.error)}
          </Alert>
        )}
        <div className="flex items-center gap-3">
          <Button
            type="submit"
            size="sm"
            disabled={!rating || Boolean(scoreError) || submit.isPending}
            data-testid="feedback-submit"
          >
            {submit.isPending && <Spinner />}
            Send feedback
          </Button>
          {!rating && (
            <span className="text-xs text-muted-foreground">Choose Good or Bad first.</span>
          )}
        </div>
      </form>
      <div className="flex flex-col gap-1">
        <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">
          Earlier feedback
        </h3>
        <FeedbackList workspaceId={workspaceId} runId={runId} />
      </div>
    </section>
  );
}
