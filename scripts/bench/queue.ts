/**
 * `npm run bench:queue`: queue mode's scale-out on one machine, on a scratch PostgreSQL database
 * and Redis (`BENCH_REDIS_URL`, default 127.0.0.1:6379) under a queue prefix of its own. Runs of a
 * 3-node flow (Input, Simulated model at 200 ms, Output) drained by one worker, then two
 * (concurrency 10 each), against a bare BullMQ worker making the same model calls without
 * persistence; then enqueue-to-start latency at a steady 50 runs/s. `BENCH_QUEUE_ROUNDS` (default
 * 3). Prints a table, then one JSON line per scenario as the last lines.
 */
import { Queue } from "bullmq";
import { closeDatabase, getDb, prepareDatabase } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { closeRunQueue, queuePrefix, redisConnection } from "@/lib/server/queue/run-queue";
import { startNewRun } from "@/lib/server/runs/run-service";
import { completeSetup } from "@/lib/server/setup";
import { simulatedAskFlow } from "@/test/graph";
import { deleteRedisPrefix, startWorkerProcess, waitFor } from "@/test/queue-cluster";
import { createScratchDatabase, tempDataDir } from "./children";
import { benchRedisUrl } from "./endpoint/services";
import { runBench, type BenchLifecycle } from "./lifecycle";
import { PEER_QUEUE, QUEUE_SHAPE as SHAPE } from "./queue/shape";
import { benchResult, formatTable, median, quantile, type Measured } from "./stats";

const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS || 3);
const log = (line: string) => console.error(line);
const workerEnv = {
  TRELLIS_WORKER_CONCURRENCY: String(SHAPE.concurrency),
  BENCH_QUEUE_LATENCY_MS: String(SHAPE.latencyMs),
  LOG_LEVEL: "warn",
};

const graph = simulatedAskFlow(SHAPE.latencyMs);

type Timing = { createdAt: Date; startedAt: Date | null; finishedAt: Date | null; status: string };

async function main(bench: BenchLifecycle): Promise<number> {
  const redis = await benchRedisUrl();
  if (!redis.url) throw new Error(`bench:queue needs Redis: ${redis.note}`);
  const scratch = await createScratchDatabase();
  bench.onCleanup(scratch.drop);
  const data = tempDataDir();
  bench.onCleanup(async () => data.remove());
  const prefix = `trellis-bench-${process.pid}`;
  Object.assign(process.env, {
    DATABASE_URL: scratch.url,
    REDIS_URL: redis.url,
    TRELLIS_QUEUE_PREFIX: prefix,
    TRELLIS_DATA_DIR: data.dir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  delete process.env.TRELLIS_EXECUTION;
  bench.onCleanup(async () => {
    await closeRunQueue();
    await deleteRedisPrefix(redis.url, prefix);
    await closeDatabase();
  });
  await prepareDatabase();
  const { workspaceId } = await completeSetup({
    name: "Bench",
    email: "bench@example.com",
    password: "correct-horse-1",
    workspaceName: "Bench",
  });
  const flow = await createFlow(workspaceId, { name: "queued", graph });
  const ctx = { workspace: { id: workspaceId }, user: null };
  const launchOne = (i: number) =>
    startNewRun(ctx, { flowId: flow.id, graph, trigger: "api", input: { question: `q${i}` } });
  const launch = (count: number) =>
    Promise.all(Array.from({ length: count }, (_, i) => launchOne(i)));
  let failedRuns = 0;
  const settled = async (runIds: string[]): Promise<Timing[]> => {
    const runs = await waitFor(
      "the runs to settle",
      async () => {
        const found: Timing[] = await getDb().run.findMany({
          where: { id: { in: runIds }, status: { in: ["succeeded", "failed"] } },
          select: { createdAt: true, startedAt: true, finishedAt: true, status: true },
        });
        return found.length === runIds.length ? found : undefined;
      },
      120_000,
    );
    failedRuns += runs.filter((run) => run.status !== "succeeded").length;
    return runs;
  };
  const span = (runs: Timing[]) => {
    const first = Math.min(...runs.map((run) => run.startedAt!.getTime()));
    const last = Math.max(...runs.map((run) => run.finishedAt!.getTime()));
    return runs.length / ((last - first) / 1000);
  };

  /** Runs/s of `workers` worker processes draining a backlog (first start to last finish). */
  const ours = async (workers: number): Promise<number> => {
    const started = Array.from({ length: workers }, () => startWorkerProcess(workerEnv));
    try {
      await settled(await launch(SHAPE.concurrency * workers)); // every worker up and warm
      return span(await settled(await launch(SHAPE.backlog)));
    } finally {
      await Promise.all(started.map((worker) => worker.stop()));
    }
  };

  /** Jobs/s of the bare BullMQ worker draining the same backlog. */
  const peerQueue = new Queue(PEER_QUEUE, { connection: redisConnection(), prefix: queuePrefix() });
  bench.onCleanup(() => peerQueue.close());
  const peer = async (): Promise<number> => {
    const worker = startWorkerProcess(workerEnv, "scripts/bench/queue/peer-worker.ts");
    try {
      const drain = async (count: number) => {
        await peerQueue.obliterate({ force: true });
        const jobs = await peerQueue.addBulk(
          Array.from({ length: count }, (_, i) => ({ name: "ask", data: { question: `q${i}` } })),
        );
        await waitFor(
          "the peer's jobs",
          async () => ((await peerQueue.getCompletedCount()) === count ? true : undefined),
          120_000,
        );
        const done = await Promise.all(jobs.map((job) => peerQueue.getJob(job.id!)));
        const first = Math.min(...done.map((job) => job!.processedOn!));
        const last = Math.max(...done.map((job) => job!.finishedOn!));
        return count / ((last - first) / 1000);
      };
      await drain(SHAPE.concurrency);
      return await drain(SHAPE.backlog);
    } finally {
      await worker.stop();
    }
  };

  const samples = { one: [] as number[], two: [] as number[], bare: [] as number[] };
  for (let round = 1; round <= ROUNDS && !bench.stopping(); round++) {
    samples.one.push(await ours(1));
    samples.two.push(await ours(2));
    samples.bare.push(await peer());
    log(
      `round ${round}/${ROUNDS}: one worker ${samples.one.at(-1)!.toFixed(1)} runs/s, two ` +
        `${samples.two.at(-1)!.toFixed(1)}, bare BullMQ ${samples.bare.at(-1)!.toFixed(1)} jobs/s`,
    );
  }
  if (bench.stopping()) return 130;

  // Enqueue-to-start at a steady rate, two workers: the run's creation to its claim by a worker.
  const workers = [startWorkerProcess(workerEnv), startWorkerProcess(workerEnv)];
  let delays: number[];
  try {
    await settled(await launch(SHAPE.concurrency * 2));
    const ids: string[] = [];
    const total = SHAPE.rate * SHAPE.rateSeconds;
    const startedAt = performance.now();
    for (let i = 0; i < total; i++) {
      const due = startedAt + (i * 1000) / SHAPE.rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      ids.push(await launchOne(i));
    }
    const runs = await settled(ids);
    delays = runs.map((run) => run.startedAt!.getTime() - run.createdAt.getTime());
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }

  const [one, two, bare] = [median(samples.one), median(samples.two), median(samples.bare)];
  const rounds = `median of ${samples.one.length} rounds`;
  const errors = failedRuns;
  const measured: Measured[] = [
    {
      result: { ...benchResult("scale-out", "runs/s", two, one, ">=1.8"), bench: "queue" },
      detail: `two workers against one, each draining ${SHAPE.backlog} runs, ${rounds}`,
      errors,
    },
    {
      result: { ...benchResult("vs-bare-bullmq", "runs/s", one, bare, ">=0.7"), bench: "queue" },
      detail: `one worker against a bare BullMQ worker (same model calls, nothing stored), ${rounds}`,
      errors,
    },
    {
      result: {
        ...benchResult("enqueue-to-start-p95", "ms", quantile(delays, 0.95), null, "<=25"),
        bench: "queue",
      },
      detail:
        `run created to run claimed, ${SHAPE.rate} runs/s for ${SHAPE.rateSeconds} s, two workers ` +
        `(p50 ${quantile(delays, 0.5).toFixed(1)} ms, max ${Math.max(...delays).toFixed(0)} ms)`,
      errors,
    },
  ];
  console.log(`\nbench:queue\n`);
  console.log(formatTable(measured));
  console.log(
    `\nNotes: 2 cores shared by the workers, PostgreSQL, Redis and this process; ` +
      `${SHAPE.concurrency} runs at once per worker, Simulated model at ${SHAPE.latencyMs} ms; ` +
      `runs/s from the first run's start to the last one's finish; failed runs: ${failedRuns}.\n`,
  );
  for (const { result } of measured) console.log(JSON.stringify(result));
  return 0;
}

runBench(main);
