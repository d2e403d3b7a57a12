import { purgeExpiredRunBatch } from "@/lib/db/retention";
import { logger } from "../logger";
import { startSweeper } from "../sweeper";

const BATCH_SIZE = 500;
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Purges the stored content of every settled run older than its workspace's retention, in
 * batches of {@link BATCH_SIZE} runs per statement. Idempotent: purged runs are skipped.
 * Returns how many runs it purged.
 */
export async function purgeExpiredRunContent(now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const purged = await purgeExpiredRunBatch(now, BATCH_SIZE);
    total += purged;
    if (purged < BATCH_SIZE) return total;
  }
}

async function sweep(): Promise<void> {
  const started = Date.now();
  const purged = await purgeExpiredRunContent();
  if (purged > 0)
    logger.info({ purged, ms: Date.now() - started }, "retention: purged expired run content");
}

/** Purges expired run content now and every hour after (once per process). */
export function startRetentionSweeper(): void {
  startSweeper("retention", SWEEP_EVERY_MS, sweep, { runNow: true });
}
