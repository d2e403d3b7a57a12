import type { ValidateFunction } from "ajv/dist/2020";
import { z } from "zod";
import { modelRefSchema } from "@/lib/engine/graph";
import { compileSchema, jsonSchemaField, schemaIssues } from "./json-schema";
import { detectPii, PII_TYPES, type PiiType } from "./pii";

/** Longest regex pattern accepted, and the most input a regex runs on (backtracking guard). */
export const REGEX_LIMITS = { patternChars: 1_000, inputChars: 100_000 } as const;

const terms = z.array(z.string().min(1).max(500)).min(1).max(200).meta({ title: "Terms" });
const caseSensitive = z.boolean().default(false).meta({ title: "Case sensitive" });

const regexCheck = z
  .strictObject({
    kind: z.literal("regex"),
    pattern: z.string().min(1).max(REGEX_LIMITS.patternChars).meta({ title: "Pattern" }),
    flags: z
      .string()
      .regex(/^(?:([imsu])(?!.*\1))*$/, { message: "Use the flags i, m, s, u, each once" })
      .optional()
      .meta({ title: "Flags" }),
    mustMatch: z
      .boolean()
      .meta({ title: "Must match", description: "Off: the text must not match" }),
  })
  .superRefine((check, ctx) => {
    try {
      new RegExp(check.pattern, check.flags);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["pattern"], message: (error as Error).message });
    }
  });

/** The deterministic checks a Validator can run. */
export const deterministicCheckSchemas = [
  z.strictObject({
    kind: z.literal("json_schema"),
    schema: jsonSchemaField.meta({ title: "JSON schema" }),
  }),
  regexCheck,
  z.strictObject({ kind: z.literal("required_terms"), terms, caseSensitive }),
  z.strictObject({ kind: z.literal("forbidden_terms"), terms, caseSensitive }),
  z.strictObject({
    kind: z.literal("pii"),
    types: z.array(z.enum(PII_TYPES)).min(1).max(PII_TYPES.length).meta({ title: "PII types" }),
  }),
] as const;

/** A check asking a model to judge the input against criteria. */
export const llmJudgeCheckSchema = z.strictObject({
  kind: z.literal("llm_judge"),
  model: modelRefSchema.meta({ title: "Judge model" }),
  criteria: z.string().min(1).max(10_000).meta({ title: "Criteria" }),
  threshold: z.number().min(0).max(1).optional().meta({
    title: "Score threshold",
    description:
      "Pass when the judge's score (0-1) reaches it; empty: the judge's pass/fail decides",
  }),
});

/** One deterministic check's configuration. */
export type DeterministicCheck = z.infer<(typeof deterministicCheckSchemas)[number]>;

/** The outcome of one check. */
export interface CheckResult {
  kind: string;
  passed: boolean;
  detail: string;
}

/** The text checks read: strings as they are, anything else as JSON. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

const validators = new WeakMap<object, ValidateFunction>();
const regexes = new WeakMap<object, RegExp>();

function jsonSchemaResult(check: { schema: Record<string, unknown> }, value: unknown): CheckResult {
  let validate = validators.get(check);
  if (!validate) {
    validate = compileSchema(check.schema);
    validators.set(check, validate);
  }
  let document = value;
  if (typeof value === "string") {
    try {
      document = JSON.parse(value);
    } catch {
      document = value;
    }
  }
  const issues = schemaIssues(validate, document);
  const detail = issues
    .slice(0, 5)
    .map((i) => `${i.path || "/"} ${i.message}`)
    .join("; ");
  return {
    kind: "json_schema",
    passed: issues.length === 0,
    detail: detail || "matches the schema",
  };
}

function regexResult(
  check: { pattern: string; flags?: string; mustMatch: boolean },
  text: string,
): CheckResult {
  let re = regexes.get(check);
  if (!re) {
    re = new RegExp(check.pattern, check.flags);
    regexes.set(check, re);
  }
  const capped = text.length > REGEX_LIMITS.inputChars;
  const matched = re.test(capped ? text.slice(0, REGEX_LIMITS.inputChars) : text);
  const scope = capped ? ` (first ${REGEX_LIMITS.inputChars} characters checked)` : "";
  return {
    kind: "regex",
    passed: matched === check.mustMatch,
    detail: `${matched ? "matches" : "does not match"} /${check.pattern.slice(0, 100)}/${scope}`,
  };
}

function termsResult(
  kind: "required_terms" | "forbidden_terms",
  check: { terms: string[]; caseSensitive: boolean },
  text: string,
): CheckResult {
  const haystack = check.caseSensitive ? text : text.toLowerCase();
  const found = check.terms.filter((t) =>
    haystack.includes(check.caseSensitive ? t : t.toLowerCase()),
  );
  if (kind === "forbidden_terms") {
    return {
      kind,
      passed: found.length === 0,
      detail: found.length ? `found: ${found.join(", ")}` : "none found",
    };
  }
  const missing = check.terms.filter((t) => !found.includes(t));
  return {
    kind,
    passed: missing.length === 0,
    detail: missing.length ? `missing: ${missing.join(", ")}` : "all present",
  };
}

function piiResult(types: PiiType[], text: string): CheckResult {
  const counts = new Map<PiiType, number>();
  for (const match of detectPii(text, types))
    counts.set(match.type, (counts.get(match.type) ?? 0) + 1);
  const detail = [...new Set(types)]
    .flatMap((type) => (counts.has(type) ? [`${counts.get(type)} ${type}`] : []))
    .join(", ");
  return {
    kind: "pii",
    passed: counts.size === 0,
    detail: detail ? `found ${detail}` : "none found",
  };
}

/** Runs one deterministic check over a value (personal data is counted, never echoed). */
export function runDeterministicCheck(check: DeterministicCheck, value: unknown): CheckResult {
  switch (check.kind) {
    case "json_schema":
      return jsonSchemaResult(check, value);
    case "regex":
      return regexResult(check, textOf(value));
    case "required_terms":
    case "forbidden_terms":
      return termsResult(check.kind, check, textOf(value));
    case "pii":
      return piiResult(check.types, textOf(value));
  }
}
