import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiClientError, errorMessage } from "@/lib/query/api";

/**
 * Puts a failed request's field issues on the matching form fields.
 * Returns the message to show at form level (null when every issue landed on a field).
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  if (!(error instanceof ApiClientError) || error.issues.length === 0) return errorMessage(error);
  const unmatched: string[] = [];
  for (const issue of error.issues) {
    const field = fields.find((name) => issue.path === name || issue.path.startsWith(`${name}.`));
    if (field) setError(field, { type: "server", message: issue.message }, { shouldFocus: true });
    else unmatched.push(issue.message);
  }
  return unmatched.length > 0 ? `${error.message} ${unmatched.join(" ")}` : null;
}
