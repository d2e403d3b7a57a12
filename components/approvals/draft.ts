import { toJson } from "@/components/ui/json";

/** One guardrail check of a Validator node's verdict. */
export interface DraftCheck {
  kind: string;
  passed: boolean;
  detail: string;
}

/** What a Validator node emits: the checked value and the result of each check. */
export interface ValidatorDraft {
  value: unknown;
  results: DraftCheck[];
  [key: string]: unknown;
}

function isCheck(result: unknown): result is DraftCheck {
  if (typeof result !== "object" || result === null) return false;
  const { kind, passed, detail } = result as Record<string, unknown>;
  return typeof kind === "string" && typeof passed === "boolean" && typeof detail === "string";
}

/** True for a draft shaped like a Validator verdict, `{ value, results: [{ kind, passed, detail }] }`. */
export function isValidatorDraft(draft: unknown): draft is ValidatorDraft {
  if (typeof draft !== "object" || draft === null || Array.isArray(draft)) return false;
  const record = draft as Record<string, unknown>;
  return "value" in record && Array.isArray(record.results) && record.results.every(isCheck);
}

const CHECK_LABELS: Record<string, string> = {
  json_schema: "JSON schema",
  regex: "Pattern",
  required_terms: "Required terms",
  forbidden_terms: "Forbidden terms",
  pii: "Personal data",
  llm_judge: "LLM judge",
};

/** A readable name for a check kind ("forbidden_terms" -> "Forbidden terms"). */
export function checkLabel(kind: string): string {
  const known = CHECK_LABELS[kind];
  if (known) return known;
  const words = kind.replaceAll(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : kind;
}

/** The part of a draft a reviewer reads and edits: a Validator verdict's value, else the draft. */
export function editableValue(draft: unknown): unknown {
  return isValidatorDraft(draft) ? draft.value : draft;
}

/** How the edit dialog shows a value: text as it is, anything else as formatted JSON. */
export function editableText(value: unknown): { text: string; json: boolean } {
  if (typeof value === "string") return { text: value, json: false };
  if (value === undefined) return { text: "", json: false };
  return { text: toJson(value), json: true };
}

/** Why `text` is not valid JSON, or null when it parses. */
export function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : "";
    return reason ? `This is not valid JSON: ${reason}` : "This is not valid JSON.";
  }
}

/**
 * The edited draft to send with `action: "edit"`, in the shape of the original: text stays text,
 * JSON is parsed, and a Validator verdict keeps its shape with the new value (its check results
 * described the old value, so they are dropped).
 */
export function editedDraft(draft: unknown, text: string): unknown {
  const { json } = editableText(editableValue(draft));
  const value: unknown = json ? JSON.parse(text) : text;
  if (!isValidatorDraft(draft)) return value;
  const { results: _results, ...rest } = draft;
  return { ...rest, value };
}
