import type { NodeTrace } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import { compileSchema, schemaIssues } from "./json-schema";

// Models sometimes wrap JSON in a Markdown code fence even in JSON mode; accept exactly one.
const FENCE = /^\s*```(?:json)?[ \t]*\n([\s\S]*?)\n?```\s*$/;

/**
 * Parses a model's answer as JSON and validates it against `schema`; otherwise throws a
 * retryable NodeError "invalid_json_output" (with the attempt's trace, so its cost is kept).
 */
export function parseJsonAnswer(
  text: string,
  schema: Record<string, unknown>,
  trace?: NodeTrace,
): unknown {
  let value: unknown;
  try {
    value = JSON.parse(FENCE.exec(text)?.[1] ?? text);
  } catch {
    throw new NodeError("The model's answer is not valid JSON", "invalid_json_output", {
      retryable: true,
      details: { answer: text.slice(0, 500), trace },
    });
  }
  const issues = schemaIssues(compileSchema(schema), value);
  if (issues.length > 0) {
    const errors = issues.slice(0, 10).map((i) => `${i.path || "/"} ${i.message}`);
    throw new NodeError(
      `The model's JSON does not match the schema: ${errors.join("; ")}`,
      "invalid_json_output",
      {
        retryable: true,
        details: { answer: text.slice(0, 500), errors, trace },
      },
    );
  }
  return value;
}
