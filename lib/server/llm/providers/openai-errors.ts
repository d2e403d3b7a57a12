import OpenAI from "openai";
import { NodeError } from "@/lib/engine/errors";

/** Milliseconds the server asked us to wait: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const value = headers?.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number.parseFloat(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function fromStatus(error: InstanceType<typeof OpenAI.APIError>, details: Record<string, unknown>) {
  const status = error.status;
  const message = `Provider answered ${status}: ${error.message}`;
  if (status === 429) {
    const wait = retryAfterMs(error.headers);
    return new NodeError(message, "rate_limited", { retryable: true, retryAfterMs: wait, details });
  }
  if (status === 408) return new NodeError(message, "timeout", { retryable: true, details });
  if (status === undefined || status >= 500) {
    return new NodeError(`Provider error: ${error.message}`, "provider_error", {
      retryable: true,
      details,
    });
  }
  const code = status === 401 || status === 403 ? "provider_auth" : "provider_bad_request";
  return new NodeError(message, code, { retryable: false, details });
}

/**
 * Maps anything the SDK threw to a NodeError: 429 (with Retry-After), 5xx, connection errors and
 * time-outs are retryable; other 4xx are not; an unparseable body is a retryable "provider_bad_response".
 * `aborted` builds the error for a call whose signal fired.
 */
export function mapOpenAIError(
  error: unknown,
  model: string,
  aborted: () => NodeError | undefined,
): NodeError {
  if (error instanceof NodeError) return error;
  const stopped = aborted();
  if (stopped) return stopped;
  const details: Record<string, unknown> = { provider: "openai", model };
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new NodeError("The provider did not answer in time", "timeout", {
      retryable: true,
      details,
    });
  }
  if (error instanceof OpenAI.APIUserAbortError) {
    return new NodeError("The model call was cancelled", "aborted", { retryable: false, details });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const message = `Could not reach the provider: ${error.message}`;
    return new NodeError(message, "provider_unavailable", { retryable: true, details });
  }
  if (error instanceof OpenAI.APIError)
    return fromStatus(error, { ...details, status: error.status });
  const message = `The provider sent a response that could not be read: ${error instanceof Error ? error.message : String(error)}`;
  return new NodeError(message, "provider_bad_response", { retryable: true, details });
}
