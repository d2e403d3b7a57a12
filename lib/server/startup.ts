import { prepareDatabase } from "@/lib/db/client";
import { listRunsToResume } from "@/lib/db/runs";
import { startRollupSweeper } from "./costs/rollup";
import { logger } from "./logger";
import { startWebhookSweeper } from "./endpoint-runs/webhooks";
import { startRetentionSweeper } from "./retention/purge";
import { startRunEventRelay } from "./queue/event-relay";
import { executionMode } from "./queue/mode";
import { startOrphanSweeper } from "./queue/orphan-sweeper";
import { executeRun } from "./runs/execute-run";

/**
 * Startup work for the server process: check the execution mode, open the database, apply pending
 * migrations, start the sweepers (retention, endpoint callbacks, cost rollups). Embedded, this
 * process is the only executor and resumes the runs a crash cut off; in queue mode, workers
 * execute runs, events arrive through Redis, and runs no worker holds are enqueued again.
 */
export async function startServerProcess(): Promise<void> {
  const mode = executionMode();
  const kind = await prepareDatabase();
  logger.info({ database: kind, execution: mode }, "database ready");
  startRetentionSweeper();
  startWebhookSweeper();
  startRollupSweeper();
  if (mode === "queue") {
    startRunEventRelay(process.env.REDIS_URL!);
    startOrphanSweeper();
    return;
  }
  const interrupted = await listRunsToResume();
  if (interrupted.length > 0)
    logger.info({ count: interrupted.length }, "resuming interrupted runs");
  for (const run of interrupted) void executeRun(run.id);
}
