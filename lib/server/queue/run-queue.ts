import { Queue } from "bullmq";
import Redis from "ioredis";
import { logger } from "../logger";

/** The BullMQ queue runs are dispatched on; job data is only the run id (the database has the rest). */
export const RUN_QUEUE = "runs";

/** BullMQ's key prefix (`TRELLIS_QUEUE_PREFIX`, default "trellis"): tests and benchmarks take their own. */
export function queuePrefix(): string {
  return process.env.TRELLIS_QUEUE_PREFIX || "trellis";
}

/** A Redis connection for BullMQ; workers' blocking connections must retry forever (`maxRetriesPerRequest: null`). */
export function redisConnection(): Redis {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error("REDIS_URL is not set");
  return new Redis(url, { maxRetriesPerRequest: null });
}

const globalKey = Symbol.for("trellis.runQueue");
type GlobalWithQueue = typeof globalThis & { [globalKey]?: Queue };

function runQueue(): Queue {
  const g = globalThis as GlobalWithQueue;
  if (!g[globalKey]) {
    g[globalKey] = new Queue(RUN_QUEUE, { connection: redisConnection(), prefix: queuePrefix() });
    // A lost connection is retried by the client; enqueueing waits for it meanwhile.
    g[globalKey].on("error", (err) => logger.warn({ err }, "run queue connection"));
  }
  return g[globalKey];
}

/**
 * Puts a run on the queue under `jobId` (default: the run id). Adding a job id that still waits is
 * a no-op, so callers pick the id that says which dispatch of the run it is. Which worker executes
 * the run is decided by its claim in the database, so a duplicate job is harmless.
 */
export async function enqueueRun(runId: string, jobId = runId): Promise<void> {
  await runQueue().add("run", { runId }, { jobId, removeOnComplete: true, removeOnFail: true });
}

/** A job id for dispatching a run once more while an earlier job of it may still exist. */
export function againJobId(runId: string, instance: string | number): string {
  return `${runId}-${instance}`;
}

/** Enqueues a new run; a failure is logged and left to the orphan sweeper (the run is queued in the database). */
export function enqueueOrLeave(runId: string): void {
  enqueueRun(runId).catch((err: unknown) =>
    logger.warn({ err, runId }, "enqueue failed; the orphan sweeper will enqueue the run"),
  );
}

/** Jobs waiting, active and delayed on the run queue. */
export async function runQueueDepth(): Promise<{ waiting: number; active: number }> {
  const counts = await runQueue().getJobCounts("waiting", "active", "delayed", "prioritized");
  return {
    waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
  };
}

/** Closes this process's queue connection (shutdown, tests). */
export async function closeRunQueue(): Promise<void> {
  const g = globalThis as GlobalWithQueue;
  const queue = g[globalKey];
  g[globalKey] = undefined;
  await queue?.close();
}
