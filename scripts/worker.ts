/**
 * `npm run worker`: a queue worker (scaled mode). Needs DATABASE_URL (PostgreSQL) and REDIS_URL;
 * runs `TRELLIS_WORKER_CONCURRENCY` runs at once (default 10). On SIGTERM or SIGINT it stops taking
 * jobs, lets runs in flight finish for `TRELLIS_WORKER_GRACE_MS` (default 30 s), then hands the
 * rest back to the queue.
 */
import { z } from "zod";
import { closeDatabase, prepareDatabase } from "../lib/db/client";
import { logger } from "../lib/server/logger";
import { startRunEventRelay } from "../lib/server/queue/event-relay";
import { executionMode } from "../lib/server/queue/mode";
import { startOrphanSweeper } from "../lib/server/queue/orphan-sweeper";
import { closeRunQueue } from "../lib/server/queue/run-queue";
import { startRunWorker } from "../lib/server/queue/run-worker";

const settingsSchema = z.object({
  TRELLIS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(10),
  TRELLIS_WORKER_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
});

function fail(message: string): never {
  console.error(`\ntrellis worker: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  try {
    if (executionMode() !== "queue")
      fail("workers run in queue mode: set REDIS_URL (and DATABASE_URL, PostgreSQL).");
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success)
    fail(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const settings = parsed.data;
  await prepareDatabase();
  const stopRelay = startRunEventRelay(process.env.REDIS_URL!);
  startOrphanSweeper();
  const worker = startRunWorker({ concurrency: settings.TRELLIS_WORKER_CONCURRENCY });
  logger.info({ worker: worker.id, concurrency: worker.concurrency }, "worker started");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: worker.inFlight() }, "worker stopping");
    await worker.close(settings.TRELLIS_WORKER_GRACE_MS);
    await stopRelay();
    await closeRunQueue();
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

void main();
