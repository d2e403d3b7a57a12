import { NodeError } from "@/lib/engine/errors";

/** A call's effective signal: the node's signal or the call's own time limit, whichever fires first. */
export interface CallSignal {
  signal: AbortSignal;
  /** The error describing why the signal fired (time-out or cancellation). */
  reason(): NodeError;
}

function isTimeout(reason: unknown): boolean {
  return reason instanceof Error && reason.name === "TimeoutError";
}

/** The NodeError for an aborted call: a time-out is retryable, a cancellation is not. */
export function abortedError(signal: AbortSignal, timeoutMs?: number): NodeError {
  if (isTimeout(signal.reason)) {
    const after = timeoutMs === undefined ? "" : ` after ${timeoutMs} ms`;
    return new NodeError(`The model call timed out${after}`, "timeout", { retryable: true });
  }
  return new NodeError("The model call was cancelled", "aborted", { retryable: false });
}

/** Links the node's signal with a time-out of `timeoutMs`. */
export function callSignal(parent: AbortSignal, timeoutMs: number): CallSignal {
  const timer = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([parent, timer]);
  return {
    signal,
    reason: () =>
      abortedError(parent.aborted ? parent : timer, timer.aborted ? timeoutMs : undefined),
  };
}

/** Waits `ms`, rejecting with the abort error as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal, reason: () => Error): Promise<void> {
  if (signal.aborted) return Promise.reject(reason());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(reason());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Settles with `promise`, or rejects with the abort error first when `signal` fires. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortedError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", onAbort), reject(error)),
    );
  });
}
