import { retryOnConflict } from "@/lib/db/conflict-retry";
import { rollUpNodeRunsOf, rollUpPendingNodeRuns } from "@/lib/db/rollups";
import { createGroupWriter } from "../group-writer";
import { logger } from "../logger";
import { startSweeper } from "../sweeper";

const SWEEP_EVERY_MS = 60_000;

/** Runs settling at the same time are rolled up in one statement. */
const rollUpGrouped = createGroupWriter((runIds: string[]) =>
  retryOnConflict(() => rollUpNodeRunsOf(runIds)),
);

/**
 * Adds a settled run's node runs to the cost rollups (runs settling at once share the statement;
 * a lost race is retried). A rollup that still fails is logged and left to the sweeper: the node
 * runs stay marked pending, so nothing is lost or counted twice, and budgets count pending node
 * runs meanwhile.
 */
export async function rollUpRunCosts(runId: string): Promise<void> {
  try {
    await rollUpGrouped(runId);
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
