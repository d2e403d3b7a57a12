import { ApiError } from "../errors";
import { fromUnknown } from "../route";

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

const TYPES: Record<number, string> = {
  401: "authentication_error",
  402: "insufficient_quota",
  403: "permission_error",
  429: "rate_limit_error",
};

const CODES: Record<string, string> = {
  unauthorized: "invalid_api_key",
  rate_limited: "rate_limit_exceeded",
  validation_failed: "invalid_value",
  not_found: "model_not_found",
};

/** A field path as OpenAI names it: `messages.0.content` or `/messages/0/content` -> `messages[0].content`. */
export function openAiParam(path: string): string | null {
  const segments = path.split(/[./]/).filter((s) => s !== "" && s !== "(root)");
  if (segments.length === 0) return null;
  return segments.reduce(
    (name, segment, i) =>
      /^\d+$/.test(segment) ? `${name}[${segment}]` : i === 0 ? segment : `${name}.${segment}`,
    "",
  );
}

/** The request field an error is about: `details.param`, else the first field issue's path. */
function paramOf(details: unknown): string | null {
  const { param, issues } = (details ?? {}) as { param?: unknown; issues?: { path?: unknown }[] };
  if (typeof param === "string") return param;
  const path = Array.isArray(issues) ? issues[0]?.path : undefined;
  return typeof path === "string" ? openAiParam(path) : null;
}

/** An error as OpenAI's body; `details.openAiCode` (if any) names the code, else the API's own code. */
export function openAiErrorBody(error: ApiError): OpenAiErrorBody {
  const type =
    TYPES[error.status] ?? (error.status >= 500 ? "server_error" : "invalid_request_error");
  const { openAiCode: code } = (error.details ?? {}) as { openAiCode?: unknown };
  return {
    error: {
      message: error.message,
      type,
      param: paramOf(error.details),
      code: typeof code === "string" ? code : (CODES[error.code] ?? error.code),
    },
  };
}

/** An error in OpenAI's shape with its status and headers (Retry-After, WWW-Authenticate). */
export function openAiError(error: ApiError): Response {
  return Response.json(openAiErrorBody(error), { status: error.status, headers: error.headers });
}

/** Runs an OpenAI-compatible handler, answering any failure in OpenAI's error shape. */
export async function openAiErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return openAiError(fromUnknown(error));
  }
}

/** 404 `model_not_found` for a slug the key cannot call as a chat model. */
export function modelNotFound(
  model: string,
  why = "does not exist or this key cannot call it",
): ApiError {
  return new ApiError(404, "not_found", `The model \`${model}\` ${why}.`, { param: "model" });
}
