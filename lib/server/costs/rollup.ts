import { retryOnConflict } from "@/lib/db/conflict-retry";
import { rollUpNodeRuns, rollUpPendingNodeRuns } from "@/lib/db/rollups";
import { logger } from "../logger";
import { startSweeper } from "../sweeper";

const SWEEP_EVERY_MS = 60_000;

/**
 * Adds a settled run's node runs to the cost rollups (retrying a lost race). A rollup that still
 * fails is logged and left to the sweeper: the node runs stay marked pending, so nothing is lost
 * or counted twice, and budgets count pending node runs meanwhile.
 */
export async function rollUpRunCosts(runId: string): Promise<void> {
  try {
    await retryOnConflict(() => rollUpNodeRuns(runId));
  } catch (err) {
    logger.warn({ err, runId }, "cost rollup deferred to the sweeper");
  }
}

/** Rolls up node runs a failed rollup or a crash left pending, at start and every minute. */
export function startRollupSweeper(): void {
  startSweeper("cost-rollups", SWEEP_EVERY_MS, () => retryOnConflict(rollUpPendingNodeRuns), {
    runNow: true,
  });
}
