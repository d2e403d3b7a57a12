/** An error a node or port raises, with what the engine needs to decide on a retry. */
export class NodeError extends Error {
  constructor(
    message: string,
    readonly code: string = "node_error",
    readonly options: { retryable?: boolean; retryAfterMs?: number; details?: unknown } = {},
  ) {
    super(message);
    this.name = "NodeError";
  }

  /** False when retrying cannot help (bad config, validation, a 4xx). */
  get retryable(): boolean {
    return this.options.retryable ?? true;
  }
}

/** A serializable description of a failure, as stored on runs and node runs. */
export interface ErrorInfo {
  code: string;
  message: string;
  details?: unknown;
}

/** Turns anything thrown into ErrorInfo. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof NodeError)
    return { code: error.code, message: error.message, details: error.options.details };
  if (error instanceof Error)
    return { code: error.name === "TimeoutError" ? "timeout" : "error", message: error.message };
  return { code: "error", message: String(error) };
}
