import type { ChatMessage } from "@/lib/engine/context";
import { textTokens } from "../tokens";
import { excerpt, lastUserText } from "./prompt-parts";
import type { Seeded } from "./seeded";
import { keywordsOf, listPhrase } from "./words";

const OPENERS = {
  question: [
    "Good question about {topic}.",
    "Here is what matters about {topic}.",
    "Short answer on {topic}:",
  ],
  summary: ["Summary: the text is mainly about {topics}.", "In short, it covers {topics}."],
  default: [
    "Thanks for your message about {topic}.",
    "Thanks for reaching out about {topic}.",
    "I looked into {topic} for you.",
  ],
};
const BODY = [
  'You mentioned "{quote}", so I focused on that first.',
  "The main points I see are {topics}.",
  "Based on what you shared, the next step is to look at {topic} and confirm the details.",
  "If anything about {second} is still unclear, let me know and I will go through it step by step.",
  "A practical way forward is to check {topic} against the latest information.",
  "I have noted the details on {second} and will keep them in mind.",
];

function fill(template: string, words: string[], quote: string): string {
  const topic = words[0] ?? "your request";
  return template
    .replaceAll("{topic}", topic)
    .replaceAll("{second}", words[1] ?? topic)
    .replaceAll("{topics}", listPhrase(words.slice(0, 3)) || topic)
    .replaceAll("{quote}", quote);
}

/** Cuts a text to at most `maxTokens` o200k tokens, on a word boundary. */
export function truncateTokens(text: string, maxTokens: number): string {
  if (textTokens(text) <= maxTokens) return text;
  const words = text.split(" ");
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textTokens(words.slice(0, mid).join(" ")) <= maxTokens) low = mid;
    else high = mid - 1;
  }
  return words.slice(0, low).join(" ");
}

/**
 * A plausible free-text reply that refers to the prompt's content: `sentences` sentences, or
 * about `targetTokens` tokens when given; never more than `maxTokens`.
 */
export function replyText(
  messages: ChatMessage[],
  rng: Seeded,
  length: { sentences: number; targetTokens?: number; maxTokens?: number },
): string {
  const user = lastUserText(messages);
  const words = keywordsOf(user, 5);
  const quote = excerpt(user.split("\n").findLast((l) => l.trim()) ?? user, 10);
  const kind = /summar/i.test(user) ? "summary" : user.includes("?") ? "question" : "default";
  const parts = [fill(rng.pick(OPENERS[kind]), words, quote)];
  const sentences = BODY.filter((t) => quote || !t.includes("{quote}"));
  const body = [...sentences];
  const wanted = length.targetTokens === undefined ? length.sentences : Number.POSITIVE_INFINITY;
  while (parts.length < wanted) {
    if (length.targetTokens !== undefined && textTokens(parts.join(" ")) >= length.targetTokens)
      break;
    if (body.length === 0) body.push(...sentences);
    parts.push(
      fill(
        body.splice(rng.int(0, body.length - 1), 1)[0]!,
        rng.next() < 0.5 ? words : [...words].reverse(),
        quote,
      ),
    );
  }
  const text = parts.join(" ");
  const limited =
    length.targetTokens === undefined ? text : truncateTokens(text, length.targetTokens);
  return length.maxTokens === undefined ? limited : truncateTokens(limited, length.maxTokens);
}
