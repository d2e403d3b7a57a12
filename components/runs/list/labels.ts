/** Readable names of run triggers. */
const TRIGGERS: Record<string, string> = {
  editor: "Editor",
  api: "API",
  endpoint: "Endpoint",
  evaluation: "Evaluation",
  replay: "Replay",
  resume: "Resume",
};

/** "api" -> "API". */
export function triggerLabel(trigger: string): string {
  return TRIGGERS[trigger] ?? trigger;
}

/** Readable names of the rating filter's values. */
const RATINGS: Record<string, string> = { good: "Good", bad: "Bad", unrated: "Not rated" };

/** "unrated" -> "Not rated". */
export function ratingLabel(rating: string): string {
  return RATINGS[rating] ?? rating;
}
