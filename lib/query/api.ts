/** One field problem reported by the API for a `validation_failed` error. */
export interface ApiFieldIssue {
  path: string;
  message: string;
}

/** A failed API call: HTTP status plus the `{ error: { code, message, details } }` body. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiClientError";
  }

  /** Field issues when the server rejected the body (`validation_failed`), else an empty list. */
  get issues(): ApiFieldIssue[] {
    if (
      this.code !== "validation_failed" ||
      typeof this.details !== "object" ||
      this.details === null
    )
      return [];
    const issues = (this.details as { issues?: unknown }).issues;
    return Array.isArray(issues)
      ? issues.filter(
          (issue): issue is ApiFieldIssue =>
            typeof issue?.path === "string" && typeof issue?.message === "string",
        )
      : [];
  }
}

/** Request options: `json` is serialised as the body. */
export type ApiFetchInit = Omit<RequestInit, "body"> & { json?: unknown };

function retryAfterSeconds(response: Response, details: unknown): number | undefined {
  const header = Number(response.headers.get("Retry-After"));
  if (Number.isFinite(header) && header > 0) return header;
  const fromBody = (details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof fromBody === "number" ? fromBody : undefined;
}

async function toError(response: Response): Promise<ApiClientError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (
    body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null
  )?.error;
  const code = typeof error?.code === "string" ? error.code : "http_error";
  const message =
    typeof error?.message === "string" && error.message
      ? error.message
      : `The server answered ${response.status} ${response.statusText}.`.replace(" .", ".");
  const details = error?.details ?? null;
  return new ApiClientError(
    response.status,
    code,
    message,
    details,
    retryAfterSeconds(response, details),
  );
}

/** Calls the Trellis JSON API; returns the parsed body (undefined for 204) or throws ApiClientError. */
export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: "same-origin",
      ...rest,
      headers: {
        Accept: "application/json",
        ...(json === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiClientError(
      0,
      "network_error",
      "Could not reach the server. Check your connection and try again.",
    );
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Try again.";
}
