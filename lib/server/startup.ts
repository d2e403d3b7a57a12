import { prepareDatabase } from "@/lib/db/client";
import { listRunsToResume } from "@/lib/db/runs";
import { startRollupSweeper } from "./costs/rollup";
import { logger } from "./logger";
import { startWebhookSweeper } from "./endpoint-runs/webhooks";
import { startRetentionSweeper } from "./retention/purge";
import { executeRun } from "./runs/execute-run";

/**
 * Startup work for the server process: open the database, apply pending migrations, start the
 * sweepers (retention, endpoint callbacks, cost rollups), then resume runs a crash cut off (embedded mode: this
 * process is the only executor).
 */
export async function startServerProcess(): Promise<void> {
  const kind = await prepareDatabase();
  logger.info({ database: kind }, "database ready");
  startRetentionSweeper();
  startWebhookSweeper();
  startRollupSweeper();
  const interrupted = await listRunsToResume();
  if (interrupted.length > 0)
    logger.info({ count: interrupted.length }, "resuming interrupted runs");
  for (const run of interrupted) void executeRun(run.id);
}
