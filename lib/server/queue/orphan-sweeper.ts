import { listOrphanedRuns } from "@/lib/db/run-leases";
import { startSweeper } from "../sweeper";
import { enqueueRun } from "./run-queue";

/** How often orphaned runs are looked for (`TRELLIS_ORPHAN_SWEEP_MS`, default 5 s). */
const SWEEP_EVERY_MS = Number(process.env.TRELLIS_ORPHAN_SWEEP_MS) || 5_000;
/** A run queued this long without a worker claiming it is assumed to have lost its job. */
const QUEUED_TOO_LONG_MS = 30_000;

/**
 * Enqueues runs no one executes (queue mode): a lease that expired (its worker died or hung) or a
 * job lost on the way (Redis restarted without its data). Enqueueing is idempotent while a run's
 * job still waits, and the database claim decides who executes, so every process may sweep.
 * Resolves with how many runs it enqueued.
 */
export async function enqueueOrphanedRuns(): Promise<number> {
  const runIds = await listOrphanedRuns(QUEUED_TOO_LONG_MS);
  for (const runId of runIds) await enqueueRun(runId);
  return runIds.length;
}

/** Sweeps for orphaned runs now and every few seconds, once per process. */
export function startOrphanSweeper(): void {
  startSweeper("orphaned-runs", SWEEP_EVERY_MS, enqueueOrphanedRuns, { runNow: true });
}
