import { describe, expect, it } from "vitest";
import {
  PROMPT_TEMPLATE_MAX_CHARS,
  positionAt,
  templateErrors,
  templateIssues,
} from "./template-issues";

const brief = (template: string) =>
  templateIssues(template).map(({ code, severity, line, column }) => ({
    code,
    severity,
    line,
    column,
  }));

describe("templateIssues", () => {
  it("finds nothing wrong with a sound template", () => {
    expect(
      templateIssues("Hello {{ name }}\n{% if vip %}Dear {{ input.title }}{% endif %}"),
    ).toEqual([]);
  });

  it("reports an unclosed {{ with its line and column", () => {
    const [issue, ...rest] = templateIssues("line one\n  Hello {{ name }\nbye");
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: "syntax", severity: "error", line: 2, column: 9 });
    expect(issue!.message).toMatch(/"\{\{" is never closed with "\}\}"/);
  });

  it("reports an unclosed {% and a block without its end tag", () => {
    expect(templateIssues("a {% if x ")[0]).toMatchObject({ code: "syntax", line: 1, column: 3 });
    expect(templateIssues("a {% if x ")[0]!.message).toMatch(/"\{%" is never closed/);
    const block = templateIssues("one\n{% if x %}two")[0]!;
    expect(block).toMatchObject({ code: "syntax", line: 2, column: 1 });
    expect(block.message).toBe('"{% if %}" has no matching "{% endif %}".');
  });

  it("warns about closing braces that close nothing, without blocking a save", () => {
    const template = 'Answer as JSON: {"a": {"b": 1}}\nthen {{ x }} %}';
    expect(brief(template)).toEqual([
      { code: "unmatched_close", severity: "warning", line: 1, column: 30 },
      { code: "unmatched_close", severity: "warning", line: 2, column: 14 },
    ]);
    expect(templateErrors(template)).toEqual([]);
  });

  it("refuses names that reach prototypes, as roots, path segments and assign targets", () => {
    const template =
      "{{ __proto__ }}\n{{ input.constructor.name }}\n{% assign prototype = 1 %}{{ constructor_ok }}";
    expect(brief(template)).toEqual([
      { code: "forbidden_variable", severity: "error", line: 1, column: 4 },
      { code: "forbidden_variable", severity: "error", line: 2, column: 10 },
      { code: "forbidden_variable", severity: "error", line: 3, column: 11 },
    ]);
    expect(templateIssues("{{ constructor }}")[0]!.message).toBe(
      '"constructor" cannot be used in a template: it names a JavaScript prototype property.',
    );
  });

  it("treats {% raw %} content as text", () => {
    expect(templateIssues("{% raw %}{{ not closed {{ __proto__ }}{% endraw %} ok")).toEqual([]);
  });

  it("refuses a 1 MB template with one clear issue and checks nothing else", () => {
    const big = "{{ __proto__ ".padEnd(1_048_576, "x");
    const issues = templateIssues(big);
    expect(issues).toEqual([
      {
        code: "too_long",
        severity: "error",
        message: "The template is 1,048,576 characters long; the limit is 100,000.",
        line: 1,
        column: 1,
      },
    ]);
    expect(templateIssues("x".repeat(PROMPT_TEMPLATE_MAX_CHARS))).toEqual([]);
  });

  it("reports issues in reading order", () => {
    const issues = templateIssues("{{ prototype }} }}\n{% if a %}");
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ["forbidden_variable", 1],
      ["unmatched_close", 1],
      ["syntax", 2],
    ]);
  });
});

describe("positionAt", () => {
  it("counts lines and columns from 1", () => {
    expect(positionAt("ab\ncd\n", 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt("ab\ncd\n", 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt("ab\ncd\n", 6)).toEqual({ line: 3, column: 1 });
  });
});
