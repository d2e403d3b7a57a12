import { listOrphanedRuns } from "@/lib/db/run-leases";
import { startSweeper } from "../sweeper";
import { againJobId, enqueueRun } from "./run-queue";

/** How often orphaned runs are looked for (`TRELLIS_ORPHAN_SWEEP_MS`, default 5 s). */
const SWEEP_EVERY_MS = Number(process.env.TRELLIS_ORPHAN_SWEEP_MS) || 5_000;
/** A run queued this long (`TRELLIS_ORPHAN_QUEUED_MS`, default 30 s) is assumed to have lost its job. */
const QUEUED_TOO_LONG_MS = Number(process.env.TRELLIS_ORPHAN_QUEUED_MS) || 30_000;

/**
 * Enqueues runs no one executes (queue mode): a lease that expired (its worker died or hung; the
 * dead worker's job may still look active, so the job id names the expiry) or a job lost on the
 * way (Redis restarted without its data; the job id is the run's). Either id is enqueued once
 * however many processes sweep, and the database claim decides who executes. Resolves with how
 * many runs it found.
 */
export async function enqueueOrphanedRuns(): Promise<number> {
  const orphans = await listOrphanedRuns(QUEUED_TOO_LONG_MS);
  for (const run of orphans) {
    const expired = run.leaseExpiredAt?.getTime();
    await enqueueRun(run.id, expired ? againJobId(run.id, `lease${expired}`) : run.id);
  }
  return orphans.length;
}

/** Sweeps for orphaned runs now and every few seconds, once per process. */
export function startOrphanSweeper(): void {
  startSweeper("orphaned-runs", SWEEP_EVERY_MS, enqueueOrphanedRuns, { runNow: true });
}
