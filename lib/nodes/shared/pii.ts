/** Kinds of personal data the detectors find. */
export const PII_TYPES = ["email", "phone", "card", "iban"] as const;
/** One kind of personal data. */
export type PiiType = (typeof PII_TYPES)[number];

/** A detected span of personal data in a text. */
export interface PiiMatch {
  type: PiiType;
  start: number;
  end: number;
  value: string;
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;

/** Emails, found from each "@" outwards with bounded scans, so the cost stays linear. */
function emails(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && end - at < 254 && DOMAIN_CHAR.test(text[end]!)) end++;
    while (end > at + 1 && /[.-]/.test(text[end - 1]!)) end--;
    while (start < at && text[start] === ".") start++;
    if (start < at && DOMAIN.test(text.slice(at + 1, end))) {
      found.push({ type: "email", start, end, value: text.slice(start, end) });
    }
  }
  return found;
}

/** True when a digit string passes the Luhn checksum (payment card numbers). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** True when a compact IBAN (no spaces) has a valid shape and mod-97 checksum. */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= "A" ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Matches of a global pattern an acceptor keeps (possibly shortened); scanning resumes after each kept span. */
function scan(
  text: string,
  pattern: RegExp,
  accept: (value: string) => string | null,
  type: PiiType,
): PiiMatch[] {
  const found: PiiMatch[] = [];
  const re = new RegExp(pattern.source, "g");
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = accept(m[0]);
    if (value === null) continue;
    found.push({ type, start: m.index, end: m.index + value.length, value });
    re.lastIndex = m.index + value.length;
  }
  return found;
}

const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,34}/g;
const PHONE = /(?<![\w+.-])\+?\(?\d[\d .()-]{6,22}\d(?![\w-]|\.\d)/g;

const card = (value: string) => (luhnValid(value.replace(/\D/g, "")) ? value : null);

/** The longest prefix that is a whole IBAN (the pattern may run on into following words). */
function iban(value: string): string | null {
  for (let end = value.length; end >= 15; end--) {
    const candidate = value.slice(0, end);
    if (/[A-Z0-9]/.test(value[end] ?? "") || candidate.endsWith(" ")) continue;
    if (ibanValid(candidate.replace(/ /g, ""))) return candidate;
  }
  return null;
}

function phone(value: string): string | null {
  const digits = value.replace(/\D/g, "").length;
  if (digits < 9 || digits > 15 || /\s{2}|[.-]{2}/.test(value)) return null;
  if (/^\d+$/.test(value) && (digits < 10 || digits > 12)) return null;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value) || /^\d+\.\d+$/.test(value)) return null;
  return value;
}

const DETECTORS: Record<PiiType, (text: string) => PiiMatch[]> = {
  card: (text) => scan(text, CARD, card, "card"),
  iban: (text) => scan(text, IBAN, iban, "iban"),
  email: emails,
  phone: (text) => scan(text, PHONE, phone, "phone"),
};
// Earlier types win where spans overlap (a card number also looks like a phone number).
const PRIORITY: readonly PiiType[] = ["card", "iban", "email", "phone"];

/** Candidates (sorted by start) that overlap neither a taken span nor an earlier candidate. */
function withoutOverlaps(taken: PiiMatch[], candidates: PiiMatch[]): PiiMatch[] {
  const kept: PiiMatch[] = [];
  let i = 0;
  for (const c of candidates) {
    while (i < taken.length && taken[i]!.end <= c.start) i++;
    if (i < taken.length && taken[i]!.start < c.end) continue;
    if (kept.length > 0 && kept[kept.length - 1]!.end > c.start) continue;
    kept.push(c);
  }
  return kept;
}

function mergeSorted(a: PiiMatch[], b: PiiMatch[]): PiiMatch[] {
  const out: PiiMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start < b[j]!.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Finds personal data of the given types, sorted by position, overlapping spans resolved. */
export function detectPii(text: string, types: readonly PiiType[]): PiiMatch[] {
  let accepted: PiiMatch[] = [];
  for (const type of PRIORITY) {
    if (!types.includes(type)) continue;
    accepted = mergeSorted(accepted, withoutOverlaps(accepted, DETECTORS[type](text)));
  }
  return accepted;
}

/** Replaces personal data of the given types with placeholders such as [EMAIL]. */
export function maskPii(text: string, types: readonly PiiType[]): string {
  let out = "";
  let last = 0;
  for (const match of detectPii(text, types)) {
    out += `${text.slice(last, match.start)}[${match.type.toUpperCase()}]`;
    last = match.end;
  }
  return out + text.slice(last);
}
