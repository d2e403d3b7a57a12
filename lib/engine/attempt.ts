import type { CompiledNode } from "./compile";
import type { NodeContext } from "./context";
import type { NodeResult } from "./define-node";

/** Raised when an attempt outlives its node's time-out. */
export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** Sleeps for `ms`, waking early when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** What one attempt needs besides the node: its context fields, run signal and time-out. */
export interface AttemptSetup {
  node: CompiledNode;
  inputs: Record<string, unknown>;
  context: Omit<NodeContext, "signal">;
  runSignal: AbortSignal;
  timeoutMs: number;
}

/**
 * Executes one attempt of a node with its own AbortSignal, linked to the run's and aborted on
 * time-out; the attempt settles as a TimeoutError even if the node ignores its signal.
 */
export async function runAttempt({
  node,
  inputs,
  context,
  runSignal,
  timeoutMs,
}: AttemptSetup): Promise<NodeResult> {
  const controller = new AbortController();
  const abort = () => controller.abort(runSignal.reason);
  runSignal.addEventListener("abort", abort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError(`Timed out after ${timeoutMs} ms`);
      reject(error); // settle the race as a time-out before the abort makes the node reject
      controller.abort(error);
    }, timeoutMs);
  });
  try {
    const execution = {
      config: node.config,
      inputs,
      node: { id: node.node.id, label: node.node.label },
    };
    return await Promise.race([
      node.definition.execute(execution, { ...context, signal: controller.signal }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener("abort", abort);
  }
}
