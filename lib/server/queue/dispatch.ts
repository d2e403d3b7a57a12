import { executeRun, type FreshRun } from "../runs/execute-run";
import { executionMode } from "./mode";
import { enqueueOrLeave } from "./run-queue";

/** True when runs go to queue workers instead of executing in this process. */
export function dispatchesToQueue(): boolean {
  return executionMode() === "queue";
}

/**
 * Sends a run to be executed: here (embedded mode; `fresh` when this process just created it) or
 * to the queue for a worker to claim. Returns at once.
 */
export function dispatchRun(runId: string, fresh?: FreshRun): void {
  if (dispatchesToQueue()) enqueueOrLeave(runId);
  else void executeRun(runId, { fresh });
}
