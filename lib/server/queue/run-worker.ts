import { randomBytes } from "node:crypto";
import os from "node:os";
import { Worker } from "bullmq";
import { recordWorkerHeartbeat, removeWorker } from "@/lib/db/queue-workers";
import { executeRun, handBackRuns } from "../runs/execute-run";
import { logger } from "../logger";
import { againJobId, enqueueRun, queuePrefix, redisConnection, RUN_QUEUE } from "./run-queue";

/** How often a worker reports itself to the System page. */
const HEARTBEAT_MS = 5_000;

/** A running queue worker. */
export interface RunWorker {
  id: string;
  concurrency: number;
  /** Runs executing in this worker now. */
  inFlight(): number;
  /**
   * Stops taking jobs and lets runs in flight finish for up to `graceMs`; runs still going then
   * are handed back (what they stored stays, lease dropped, enqueued again for another worker).
   */
  close(graceMs: number): Promise<void>;
}

/** Hands back the runs still executing here and enqueues them again at once. */
async function handBack(): Promise<void> {
  const runIds = await handBackRuns();
  const handedBack = Date.now().toString(36);
  for (const runId of runIds)
    await enqueueRun(runId, againJobId(runId, `back${handedBack}`)).catch(() => undefined);
  if (runIds.length > 0) logger.info({ count: runIds.length }, "runs handed back to the queue");
}

/**
 * Starts a BullMQ worker on the run queue: each job claims its run in the database (a job
 * delivered twice, or a run another worker holds, executes nowhere twice) and executes it here
 * under a renewed lease. The job succeeds whatever the run's outcome, which the database records.
 */
export function startRunWorker({ concurrency }: { concurrency: number }): RunWorker {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let inFlight = 0;
  const worker = new Worker<{ runId: string }>(
    RUN_QUEUE,
    async (job) => {
      inFlight++;
      try {
        await executeRun(job.data.runId, { claim: true });
      } finally {
        inFlight--;
      }
    },
    { connection: redisConnection(), prefix: queuePrefix(), concurrency, autorun: true },
  );
  worker.on("error", (err) => logger.warn({ err }, "run worker"));
  const beat = () =>
    recordWorkerHeartbeat({
      id,
      host: os.hostname(),
      pid: process.pid,
      concurrency,
      inFlight,
    }).catch((err: unknown) => logger.warn({ err }, "worker heartbeat failed"));
  void beat();
  const heartbeat = setInterval(beat, HEARTBEAT_MS).unref();
  return {
    id,
    concurrency,
    inFlight: () => inFlight,
    async close(graceMs) {
      const closing = worker.close();
      let handingBack: Promise<void> | undefined;
      const timer = setTimeout(() => (handingBack = handBack()), graceMs);
      await closing;
      clearTimeout(timer);
      await handingBack;
      clearInterval(heartbeat);
      await removeWorker(id).catch(() => undefined);
    },
  };
}
