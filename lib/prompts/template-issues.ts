import { inspectTemplate, TEMPLATE_MAX_CHARS } from "@/lib/nodes/shared/liquid";
import { FORBIDDEN_KEYS } from "@/lib/nodes/shared/path";

/**
 * Longest prompt template a version may hold: the limit runs render with, so every saved
 * version can run.
 */
export const PROMPT_TEMPLATE_MAX_CHARS = TEMPLATE_MAX_CHARS;

/** What is wrong with a template. */
export type TemplateIssueCode = "too_long" | "syntax" | "unmatched_close" | "forbidden_variable";

/** One problem of a template at a 1-based line and column; errors block saving, warnings do not. */
export interface TemplateIssue {
  code: TemplateIssueCode;
  severity: "error" | "warning";
  message: string;
  line: number;
  column: number;
}

/** The 1-based line and column of a character offset. */
export function positionAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

const CLOSER = { "{{": "}}", "{%": "%}" } as const;
const TOKEN = /\{\{|\{%|\}\}|%\}/g;
const RAW_START = /^-?\s*raw\s*-?$/;
const RAW_END = /\{%-?\s*endraw\s*-?%\}/g;
const FORBIDDEN = new RegExp(`(?<![\\w$])(${[...FORBIDDEN_KEYS].join("|")})(?![\\w$])`, "g");

function issueAt(
  template: string,
  index: number,
  code: TemplateIssueCode,
  message: string,
): TemplateIssue {
  const severity = code === "unmatched_close" ? "warning" : "error";
  return { code, severity, message, ...positionAt(template, index) };
}

/** Names that reach prototypes, anywhere inside one tag's text (which starts at `offset`). */
function forbiddenNames(template: string, body: string, offset: number): TemplateIssue[] {
  return [...body.matchAll(FORBIDDEN)].map((match) =>
    issueAt(
      template,
      offset + match.index,
      "forbidden_variable",
      `"${match[1]}" cannot be used in a template: it names a JavaScript prototype property.`,
    ),
  );
}

/**
 * Walks the tags: a `}}` or `%}` outside any tag prints as text (a warning, since prompts often
 * show JSON), `{% raw %}` content is skipped, and each tag's text is checked for forbidden names.
 * Stops at an opener that never closes (the parser reports it).
 */
function scanTags(template: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(template); match; match = TOKEN.exec(template)) {
    const token = match[0];
    if (token === "}}" || token === "%}") {
      const opener = token === "}}" ? "{{" : "{%";
      const message = `"${token}" has no matching "${opener}"; it will print as text.`;
      issues.push(issueAt(template, match.index, "unmatched_close", message));
      continue;
    }
    const start = match.index + 2;
    const end = template.indexOf(CLOSER[token as keyof typeof CLOSER], start);
    if (end === -1) break;
    const body = template.slice(start, end);
    issues.push(...forbiddenNames(template, body, start));
    TOKEN.lastIndex = end + 2;
    if (token === "{%" && RAW_START.test(body)) {
      RAW_END.lastIndex = end + 2;
      const raw = RAW_END.exec(template);
      if (!raw) break;
      TOKEN.lastIndex = raw.index + raw[0].length;
    }
  }
  return issues;
}

/** Turns the parser's wording for unbalanced tags into plain words. */
function syntaxMessage(parserMessage: string): string {
  const block = /^tag \{%-?\s*(\w+)[^]*not closed$/.exec(parserMessage);
  if (block) return `"{% ${block[1]} %}" has no matching "{% end${block[1]} %}".`;
  if (/^output .* not closed$/.test(parserMessage))
    return `"{{" is never closed with "}}" (unbalanced braces).`;
  if (/^tag .* not closed$/.test(parserMessage))
    return `"{%" is never closed with "%}" (unbalanced braces).`;
  return `The template does not parse: ${parserMessage}.`;
}

/**
 * Every problem of a prompt template, in reading order: too long (then nothing else is
 * checked), unbalanced or unparseable tags (as runs parse them), names that reach prototypes
 * (`__proto__`, `constructor`, `prototype`) and closing braces that close nothing. Pure and
 * client-safe; the server runs the same check before saving a version.
 */
export function templateIssues(template: string): TemplateIssue[] {
  if (template.length > PROMPT_TEMPLATE_MAX_CHARS) {
    const length = template.length.toLocaleString("en-US");
    const limit = PROMPT_TEMPLATE_MAX_CHARS.toLocaleString("en-US");
    const message = `The template is ${length} characters long; the limit is ${limit}.`;
    return [{ code: "too_long", severity: "error", message, line: 1, column: 1 }];
  }
  const issues = scanTags(template);
  const parsed = inspectTemplate(template);
  if ("error" in parsed) {
    const { line, column } = parsed.error;
    const message = syntaxMessage(parsed.error.message);
    issues.push({ code: "syntax", severity: "error", message, line, column });
  }
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Only the issues that block saving a version. */
export function templateErrors(template: string): TemplateIssue[] {
  return templateIssues(template).filter((issue) => issue.severity === "error");
}
