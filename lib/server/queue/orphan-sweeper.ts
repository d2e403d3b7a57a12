import { listOrphanedRuns } from "@/lib/db/run-leases";
import { startSweeper } from "../sweeper";
import { againJobId, enqueueRun } from "./run-queue";

/** How often orphaned runs are looked for (`TRELLIS_ORPHAN_SWEEP_MS`, default 5 s). */
const SWEEP_EVERY_MS = Number(process.env.TRELLIS_ORPHAN_SWEEP_MS) || 5_000;
/** A run queued this long (`TRELLIS_ORPHAN_QUEUED_MS`, default 30 s) is assumed to have lost its job. */
const QUEUED_TOO_LONG_MS = Number(process.env.TRELLIS_ORPHAN_QUEUED_MS) || 30_000;

/**
 * Enqueues runs no one executes (queue mode): a lease that expired (its worker died or hung) or a
 * run queued too long (its job was lost with Redis, or taken by a worker that died before claiming
 * it). A dead worker's job still looks active for a while, so the new job's id names the expiry,
 * or the queued-too-long window: each is enqueued once however many processes sweep, and the
 * database claim decides who executes. Resolves with how many runs it found.
 */
export async function enqueueOrphanedRuns(): Promise<number> {
  const orphans = await listOrphanedRuns(QUEUED_TOO_LONG_MS);
  const window = Math.floor(Date.now() / QUEUED_TOO_LONG_MS);
  for (const run of orphans) {
    const expired = run.leaseExpiredAt?.getTime();
    await enqueueRun(run.id, againJobId(run.id, expired ? `lease${expired}` : `queued${window}`));
  }
  return orphans.length;
}

/** Sweeps for orphaned runs now and every few seconds, once per process. */
export function startOrphanSweeper(): void {
  startSweeper("orphaned-runs", SWEEP_EVERY_MS, enqueueOrphanedRuns, { runNow: true });
}
