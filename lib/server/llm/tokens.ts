import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import type { ChatMessage } from "@/lib/engine/context";

// Chat framing OpenAI adds around each message and before the reply (o200k models).
const PER_MESSAGE = 3;
const PER_REPLY = 3;

/** Tokens of a text in the o200k encoding (GPT-4o family). */
export function textTokens(text: string): number {
  return countTokens(text);
}

/** Prompt tokens of a chat, framing included. */
export function chatTokens(messages: ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + PER_MESSAGE + countTokens(m.content), PER_REPLY);
}
