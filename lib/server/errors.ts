import { z } from "zod";

/** Machine-readable error codes of the JSON API. */
export type ApiErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "payment_required"
  | "budget_exceeded"
  | "forbidden"
  | "approval_required"
  | "self_approval"
  | "password_change_required"
  | "not_found"
  | "conflict"
  | "version_conflict"
  | "already_decided"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** One field-level problem: where it is and what is wrong. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error that becomes `{ error: { code, message, details } }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Shorthands for the common errors. */
export const errors = {
  badRequest: (message: string, details?: unknown) =>
    new ApiError(400, "bad_request", message, details),
  unauthorized: (message = "Sign in to continue.") => new ApiError(401, "unauthorized", message),
  forbidden: (message = "Your role does not allow this.") =>
    new ApiError(403, "forbidden", message),
  notFound: (what = "Resource") => new ApiError(404, "not_found", `${what} not found.`),
  conflict: (message: string, details?: unknown) => new ApiError(409, "conflict", message, details),
  tooLarge: (limit: number) =>
    new ApiError(413, "payload_too_large", `Request body exceeds the limit of ${limit} bytes.`, {
      limit,
    }),
  rateLimited: (retryAfterSeconds: number, message = "Too many requests. Try again later.") =>
    new ApiError(
      429,
      "rate_limited",
      message,
      { retryAfterSeconds },
      { "Retry-After": String(retryAfterSeconds) },
    ),
  unavailable: (message: string, retryAfterSeconds?: number) =>
    new ApiError(
      503,
      "unavailable",
      message,
      undefined,
      retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {},
    ),
};

/** Turns zod issues into `{ path, message }` pairs ("roles.0", "email"). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/** A 400 carrying the field errors of a failed parse. */
export function validationError(error: z.ZodError, where = "body"): ApiError {
  return new ApiError(400, "validation_failed", `Invalid request ${where}.`, {
    issues: fieldIssues(error),
  });
}

/** Serialises an error as the API's JSON error shape. */
export function errorResponse(error: ApiError): Response {
  const body = {
    error: { code: error.code, message: error.message, details: error.details ?? null },
  };
  return Response.json(body, { status: error.status, headers: error.headers });
}
