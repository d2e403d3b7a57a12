import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import type { ChatMessage } from "@/lib/engine/context";

// Chat framing OpenAI adds around each message and before the reply (o200k models).
const PER_MESSAGE = 3;
const PER_REPLY = 3;

// The tokenizer is quadratic on one long piece (a run of blanks, a word without spaces), so long
// texts are counted in segments cut before a space; counts stay exact at word boundaries.
const SEGMENT = 1_000;

/** Tokens of a text in the o200k encoding (GPT-4o family). */
export function textTokens(text: string): number {
  if (text.length <= SEGMENT) return countTokens(text);
  let total = 0;
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + SEGMENT);
    const space = end < text.length ? text.lastIndexOf(" ", end) : -1;
    if (space > start) end = space;
    total += countTokens(text.slice(start, end));
    start = end;
  }
  return total;
}

/** Prompt tokens of a chat, framing included. */
export function chatTokens(messages: ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + PER_MESSAGE + textTokens(m.content), PER_REPLY);
}
