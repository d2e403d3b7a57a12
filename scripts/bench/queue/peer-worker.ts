/**
 * bench:queue's peer: a bare BullMQ worker that makes the same Simulated model call per job and
 * persists nothing (`BENCH_QUEUE_LATENCY_MS`, concurrency `TRELLIS_WORKER_CONCURRENCY`).
 */
import { Worker } from "bullmq";
import { createSimulatedAdapter } from "../../../lib/server/llm/providers/simulated";
import { PEER_QUEUE } from "./shape";
import { queuePrefix, redisConnection } from "../../../lib/server/queue/run-queue";

const adapter = createSimulatedAdapter();
const latencyMs = Number(process.env.BENCH_QUEUE_LATENCY_MS);

const worker = new Worker(
  PEER_QUEUE,
  async (job) => {
    const result = await adapter.complete(
      {
        model: "sim-small",
        messages: [{ role: "user", content: `Answer: ${String(job.data.question)}` }],
        parameters: { simulated: { latencyMs, tokenDelayMs: 0 } },
      },
      { signal: new AbortController().signal, timeoutMs: 30_000 },
    );
    return result.text.length;
  },
  {
    connection: redisConnection(),
    prefix: queuePrefix(),
    concurrency: Number(process.env.TRELLIS_WORKER_CONCURRENCY),
  },
);
process.on("SIGTERM", () => void worker.close().then(() => process.exit(0)));
