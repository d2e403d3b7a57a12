import type { Seeded } from "./seeded";
import { stem, stemsOf, wordsOf } from "./words";

/** One label a classifier may answer, with its description when the schema or prompt has one. */
export interface LabelOption {
  value: string;
  description?: string;
}

/** The chosen label and how sure the simulated model claims to be (0.55-0.95). */
export interface LabelChoice {
  value: string;
  confidence: number;
}

// Words people use for common labels, so a demo classifier routes sensibly without descriptions.
const RELATED: Record<string, string> = {
  billing:
    "invoice charge charged payment paid refund price subscription card bill money plan receipt",
  technical: "error bug crash broken login password install update slow fails failing outage api",
  support: "help problem issue error broken login password account",
  sales: "buy purchase pricing quote demo trial upgrade licence license discount order",
  complaint: "angry unhappy disappointed terrible worst awful bad unacceptable",
  positive: "great love excellent good happy thanks amazing awesome wonderful",
  negative: "bad terrible hate awful angry disappointed worst broken poor",
  urgent: "urgent asap immediately emergency critical now",
  cancel: "cancel cancellation unsubscribe close terminate quit",
  feedback: "suggest suggestion idea feature improve feedback",
  question: "how what why when where question wonder",
};
const FALLBACK = ["other", "unknown", "general", "none", "misc", "unclear"];

// "- billing: questions about invoices"; only short lines, which also bounds the regex's work.
const LIST_ITEM =
  /^[ \t]*(?:[-*\u2022]|\d+[.)])?[ \t]*["'`]?([\w -]+?)["'`]?[ \t]*[:=\u2013-][ \t]+(.*)$/;
const MAX_LIST_LINE = 300;

const labelWords = (value: string) =>
  value.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ");

function mentions(line: string, value: string): boolean {
  return ` ${wordsOf(line).join(" ")} `.includes(` ${wordsOf(labelWords(value)).join(" ")} `);
}

/** Lines listing labels ("- billing: invoices ...") describe them; the rest is the text to classify. */
function splitPrompt(text: string, options: LabelOption[]) {
  const described = new Map<string, string>();
  const rest: string[] = [];
  for (const line of text.split("\n")) {
    const named = options.filter((o) => mentions(line, o.value));
    const head = line.length <= MAX_LIST_LINE ? LIST_ITEM.exec(line) : null;
    const owner = head
      ? options.find((o) => labelWords(o.value).toLowerCase() === head[1]!.trim().toLowerCase())
      : undefined;
    if (owner) described.set(owner.value, `${described.get(owner.value) ?? ""} ${head![2]}`);
    else if (named.length < 2) rest.push(line);
  }
  return { described, rest: rest.join("\n") };
}

/** Picks the label whose name, description or related words best match the prompt. */
export function chooseLabel(
  options: LabelOption[],
  userText: string,
  system: string,
  rng: Seeded,
): LabelChoice {
  const fromUser = splitPrompt(userText, options);
  const fromSystem = splitPrompt(system, options);
  const text = stemsOf(fromUser.rest);
  const scores = options.map((option) => {
    const name = stemsOf(labelWords(option.value));
    const extra = [
      option.description,
      fromUser.described.get(option.value),
      fromSystem.described.get(option.value),
    ];
    for (const word of wordsOf(labelWords(option.value)))
      extra.push(RELATED[stem(word)] ?? RELATED[word]);
    const described = stemsOf(extra.filter(Boolean).join(" "));
    let score = 0;
    for (const s of name) if (text.has(s)) score += 2;
    for (const s of described) if (text.has(s) && !name.has(s)) score += 1;
    return score;
  });
  const best = Math.max(...scores);
  const jitter = rng.next() * 0.04;
  if (best === 0) {
    const fallback =
      options.find((o) => FALLBACK.includes(o.value.toLowerCase())) ?? rng.pick(options);
    return { value: fallback.value, confidence: round(0.55 + jitter * 2.5) };
  }
  const second = Math.max(0, ...scores.filter((_, i) => i !== scores.indexOf(best)));
  const margin = (best - second) / best;
  const strength = Math.min(1, best / 4);
  const confidence = 0.62 + 0.29 * strength * (0.4 + 0.6 * margin) + jitter;
  return {
    value: options[scores.indexOf(best)]!.value,
    confidence: round(Math.min(0.95, confidence)),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
