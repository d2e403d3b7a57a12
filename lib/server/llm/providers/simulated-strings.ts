import type { ChatMessage } from "@/lib/engine/context";
import type { Seeded } from "./seeded";
import { replyText } from "./simulated-text";
import { listPhrase } from "./words";

/** What a string generator knows about the prompt. */
export interface StringContext {
  rng: Seeded;
  messages: ChatMessage[];
  /** Keywords of the last user message. */
  words: string[];
  /** Position in an enclosing array (0 otherwise). */
  index: number;
}

const NAMES = ["Alex Morgan", "Sam Rivera", "Jordan Lee", "Taylor Kim"];

const title = (words: string[]) => words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");

function byFormat(format: unknown, ctx: StringContext): string | undefined {
  switch (format) {
    case "email":
      return `${NAMES[ctx.index % NAMES.length]!.toLowerCase().replace(" ", ".")}@example.com`;
    case "date-time":
      return `2025-01-${String(15 + (ctx.index % 10)).padStart(2, "0")}T10:00:00Z`;
    case "date":
      return `2025-01-${String(15 + (ctx.index % 10)).padStart(2, "0")}`;
    case "time":
      return "10:00:00Z";
    case "uri":
    case "url":
      return `https://example.com/${ctx.words[ctx.index] ?? "page"}`;
    case "uuid": {
      const hex = Array.from({ length: 32 }, () => ctx.rng.int(0, 15).toString(16)).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
    }
    default:
      return undefined;
  }
}

function byName(name: string, ctx: StringContext): string {
  const k = name.toLowerCase();
  const topic = ctx.words[ctx.index] ?? ctx.words[0] ?? "request";
  const topics = listPhrase(ctx.words.slice(0, 3)) || "the request";
  if (/reason|explanation|rationale|justification|why/.test(k))
    return `The message is mainly about ${topics}.`;
  if (/summary|tldr|abstract|gist/.test(k)) return `The text is about ${topics}.`;
  if (/title|subject|headline|heading/.test(k))
    return title(ctx.words.slice(0, 3)) || "Your Request";
  if (/email/.test(k)) return byFormat("email", ctx)!;
  if (/name/.test(k)) return NAMES[ctx.index % NAMES.length]!;
  if (/lang|locale/.test(k)) return "en";
  if (/url|link|website/.test(k)) return byFormat("uri", ctx)!;
  if (/sentiment|tone|mood/.test(k)) return "neutral";
  if (/keyword|tag|topic|entit|term/.test(k)) return topic;
  if (/reply|answer|response|draft|message|text|content|body|output|comment/.test(k)) {
    return replyText(ctx.messages, ctx.rng, { sentences: 2 });
  }
  return topic;
}

/** A plausible string for a schema property: by format, then by the property's name; within length bounds. */
export function fakeString(
  schema: Record<string, unknown>,
  name: string,
  ctx: StringContext,
): string {
  let value = byFormat(schema.format, ctx) ?? byName(name, ctx);
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
  while (value.length < min) value += value.length ? ` ${value}` : "example";
  return value.length > max ? value.slice(0, max) : value;
}
