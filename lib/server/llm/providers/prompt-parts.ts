import type { ChatMessage } from "@/lib/engine/context";

// The simulated model reads at most this much of a message, which bounds its text analysis.
const MAX_READ = 20_000;

/** The last user message (or the last message of any role when no user spoke), its last 20,000 characters. */
export function lastUserText(messages: ChatMessage[]): string {
  const user = messages.findLast((m) => m.role === "user") ?? messages.at(-1);
  return (user?.content ?? "").slice(-MAX_READ);
}

/** System messages joined, where prompts usually describe labels and rules. */
export function systemText(messages: ChatMessage[]): string {
  return messages
    .filter((m) => m.role === "system")
    .map((m) => m.content)
    .join("\n")
    .slice(0, MAX_READ);
}

const TAGGED = /<(draft|answer|response|reply|output|text|message)>([\s\S]*?)<\/\1>/gi;
const FENCED = /(```|""")([\s\S]*?)\1/g;
const LABELLED = /^[ \t]*(?:draft|answer|response|reply|output|text|message|candidate)[ \t]*:\s*/im;

/**
 * The text a judge prompt asks about: a tagged or fenced block, else what follows a "Draft:"-style
 * label, else the last paragraph of the message.
 */
export function extractDraft(text: string): string {
  const tagged = [...text.matchAll(TAGGED)].at(-1);
  if (tagged) return tagged[2]!.trim();
  const fenced = [...text.matchAll(FENCED)].at(-1);
  if (fenced) return fenced[2]!.trim();
  const labelled = LABELLED.exec(text);
  if (labelled) return text.slice(labelled.index + labelled[0].length).trim();
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs.at(-1) ?? "";
}

/** The first `count` words of a text, with an ellipsis when cut. */
export function excerpt(text: string, count: number): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length <= count ? words.join(" ") : `${words.slice(0, count).join(" ")}...`;
}
