const STOPWORDS = new Set(
  (
    "the a an and or but if then else of to in on at by for with from into about as is are was were be been " +
    "being it its this that these those there here i me my we our you your he she they them their his her " +
    "what which who whom when where why how can could would should will shall may might must do does did done " +
    "have has had not no yes so than too very just also any all some each every one please thanks thank hi " +
    "hello dear regards get got make made want need like know let us only more most other such own same out up " +
    "help understand explain tell show shows summarize summarise summary classify following draft judge reply " +
    "reaching reach write answer respond question message text"
  ).split(" "),
);

/** Lower-case words (letters and digits) of a text, in order. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A crude stem so "charged", "charges" and "charge" compare equal. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, replacement] of [
    ["ies", "y"],
    ["ing", ""],
    ["ed", ""],
    ["es", ""],
    ["s", ""],
    ["ly", ""],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3)
      return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

/** True for words that carry meaning (not stop words, at least three characters). */
export function isContentWord(word: string): boolean {
  return word.length >= 3 && !STOPWORDS.has(word);
}

/** Stems of the content words of a text. */
export function stemsOf(text: string): Set<string> {
  return new Set(wordsOf(text).filter(isContentWord).map(stem));
}

/** Up to `limit` content words, most frequent first (ties: first seen), one per stem. */
export function keywordsOf(text: string, limit: number): string[] {
  const counts = new Map<string, { word: string; count: number; first: number }>();
  wordsOf(text).forEach((word, index) => {
    if (!isContentWord(word) || /^\d+$/.test(word)) return;
    const entry = counts.get(stem(word));
    if (entry) entry.count++;
    else counts.set(stem(word), { word, count: 1, first: index });
  });
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, limit)
    .map((e) => e.word);
}

/** "a", "a and b", "a, b and c". */
export function listPhrase(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
