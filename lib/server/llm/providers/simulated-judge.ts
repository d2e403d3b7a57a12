import type { ChatMessage } from "@/lib/engine/context";
import { extractDraft, lastUserText } from "./prompt-parts";
import type { Seeded } from "./seeded";
import { keywordsOf, listPhrase, wordsOf } from "./words";

/** A simulated judge's verdict; `score` is in [0, 1]. */
export interface Verdict {
  pass: boolean;
  score: number;
  reason: string;
}

/** Words that make the simulated judge fail a draft, so demos can show the failure path. */
export const RISKY_WORDS = [
  "refund",
  "refunds",
  "lawyer",
  "lawyers",
  "attorney",
  "lawsuit",
  "sue",
  "legal",
];
/** Drafts with fewer words than this fail as too short. */
export const MIN_DRAFT_WORDS = 8;

/** Judges the draft found in the last user message: risky words or a very short draft fail. */
export function judge(messages: ChatMessage[], rng: Seeded): Verdict {
  const draft = extractDraft(lastUserText(messages));
  const words = wordsOf(draft);
  const risky = RISKY_WORDS.find((w) => words.includes(w));
  if (risky) {
    return {
      pass: false,
      score: 0.2 + rng.next() * 0.2,
      reason: `The draft mentions "${risky}", which needs review before it goes out.`,
    };
  }
  if (words.length < MIN_DRAFT_WORDS) {
    return {
      pass: false,
      score: 0.25 + rng.next() * 0.2,
      reason: "The draft is too short to answer the request properly.",
    };
  }
  const topics = keywordsOf(draft, 3);
  const about = topics.length ? ` and covers ${listPhrase(topics)}` : "";
  return {
    pass: true,
    score: 0.75 + rng.next() * 0.2,
    reason: `The draft is clear, polite and on topic${about}.`,
  };
}
