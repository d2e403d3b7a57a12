/**
 * `npm run bench:endpoint`: the run API (POST /api/v1/flows/{slug}/run, sync, a published 3-node
 * flow on the Simulated model with 50 ms latency) against a peer in the same server process: a
 * bare route handler that parses the body with zod, calls the same simulated model and inserts one
 * row (/api/bench/peer). Production server (`npm start`) on a scratch PostgreSQL database, load
 * from autocannon over loopback: closed-loop throughput (target ours/peer >= 0.5) and p99 latency
 * at a fixed 100 requests/s (target ours < peer + 20 ms). Prints a table, PASS or MISS per
 * scenario, then one JSON line per scenario (ARCHITECTURE.md section 9) as the last lines.
 *
 * Env: BENCH_ENDPOINT_PORT (default 3116), BENCH_ENDPOINT_ROUNDS (3), BENCH_ENDPOINT_SECONDS (10
 * per measurement), BENCH_DATABASE_URL, BENCH_REDIS_URL.
 */
import os from "node:os";
import { startServer } from "./canvas/server";
import { runBench, type BenchLifecycle } from "./lifecycle";
import { createScratchDatabase } from "./children";
import {
  atRate,
  closedLoop,
  failureCount,
  type LoadFigures,
  type LoadRequest,
} from "./endpoint/load";
import { report, type Side } from "./endpoint/report";
import { benchRedisUrl, ScratchDb } from "./endpoint/services";
import { BENCH_SLUG, benchRequests, checkTargets, publishBenchEndpoint } from "./endpoint/setup";

const PORT = Number(process.env.BENCH_ENDPOINT_PORT || 3116);
const ROUNDS = Number(process.env.BENCH_ENDPOINT_ROUNDS || 3);
const SECONDS = Number(process.env.BENCH_ENDPOINT_SECONDS || 10);
const WARM_UP_SECONDS = 3;
/** Closed loop: enough connections to saturate both (the Simulated connection allows 50 calls at once). */
const CONNECTIONS = 50;
/** Open loop: 100 requests/s from 20 staggered clients (5 each per second). */
const RATE = 100;
const RATE_CONNECTIONS = 20;
const KINDS = ["ours", "peer"] as const;
type Kind = (typeof KINDS)[number];

const log = (line: string) => console.error(line);

const brief = (f: LoadFigures) =>
  `${f.ok} x 200 in ${f.seconds.toFixed(1)} s (${(f.ok / f.seconds).toFixed(1)}/s), ` +
  `${failureCount(f)} failed, ${f.sent - f.ok - failureCount(f)} cut off at the end`;

async function main(bench: BenchLifecycle): Promise<number> {
  const started = performance.now();
  const scratch = await createScratchDatabase();
  bench.onCleanup(scratch.drop);
  const redis = await benchRedisUrl();
  log(
    `database: scratch ${new URL(scratch.url).pathname.slice(1)}; REDIS_URL=${redis.url || "(empty)"}`,
  );
  const server = await startServer({
    port: PORT,
    portVariable: "BENCH_ENDPOINT_PORT",
    dataDir: ".test-data/bench-endpoint",
    distDir: ".next-bench",
    // Runs execute in the server (Redis serves the rate limits): this measures the run API itself.
    env: { DATABASE_URL: scratch.url, REDIS_URL: redis.url, TRELLIS_EXECUTION: "inline" },
    log,
  });
  bench.onCleanup(server.stop);
  const db = await ScratchDb.open(scratch.url);
  bench.onCleanup(() => db.close());
  const targets = await publishBenchEndpoint(server.baseUrl);
  await checkTargets(targets);
  const requests: Record<Kind, LoadRequest> = benchRequests(targets);
  const measuring = performance.now();

  const sides: Record<Kind, Side> = {
    ours: { warmUp: [], throughput: [], rate: [] },
    peer: { warmUp: [], throughput: [], rate: [] },
  };
  const measure = async (kind: Kind, phase: keyof Side, label: string) => {
    const figures =
      phase === "rate"
        ? await atRate(requests[kind], {
            seconds: SECONDS,
            connections: RATE_CONNECTIONS,
            rate: RATE,
          })
        : await closedLoop(requests[kind], {
            seconds: phase === "warmUp" ? WARM_UP_SECONDS : SECONDS,
            connections: CONNECTIONS,
          });
    sides[kind][phase].push(figures);
    log(`${label} ${kind} ${phase}: ${brief(figures)}`);
    const inFlight = await db.drain();
    if (inFlight > 0) log(`  ${inFlight} runs still queued or running (stopped waiting)`);
  };
  for (const kind of KINDS) await measure(kind, "warmUp", "warm-up");
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? KINDS : ([...KINDS].reverse() as Kind[]);
    for (const phase of ["throughput", "rate"] as const) {
      for (const kind of order) {
        if (bench.stopping()) return 130;
        await measure(kind, phase, `round ${round}/${ROUNDS}`);
      }
    }
  }
  const stored = await db.stored();
  const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(0);
  console.log(
    `\nbench:endpoint (${seconds(started)} s, of which measuring ${seconds(measuring)} s)\n`,
  );
  const cpus = os.cpus();
  report(sides.ours, sides.peer, stored, {
    seconds: SECONDS,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    rate: RATE,
    rateConnections: RATE_CONNECTIONS,
    notes: [
      `${cpus.length} cores (${cpus[0]?.model.trim()}), load average ${os.loadavg()[0]!.toFixed(1)},` +
        ` shared with the load generator (autocannon runs in this process) and other work;` +
        ` Node ${process.version}.`,
      `One production server (npm start, .next-bench) on a scratch PostgreSQL ` +
        `${await db.serverVersion()} database (127.0.0.1, one pg pool of 10 connections under Prisma and the hot path's statements);` +
        ` ${redis.note}.`,
      `Ours = POST /api/v1/flows/${BENCH_SLUG}/run in sync mode with a Bearer key (rate limit at the` +
        ` schema's maximum, 100,000/min, far above this load): key lookup, rate limit, endpoint,` +
        ` input schema, the run created within its budgets, its 3 node steps stored, the run` +
        ` settled; the answer is the run as settled (its cost rollup follows the answer).` +
        ` Peer = POST /api/bench/peer: zod body, the Simulated adapter with the same knobs` +
        ` (50 ms, no token delay), one INSERT. Same body and headers for both.`,
      `Ours and peer alternate in each round after a ${WARM_UP_SECONDS} s warm-up of each;` +
        ` between measurements the runs of requests cut off at the end finish first.` +
        ` Latency runs from sending a request to the end of its answer. At 100 requests/s each` +
        ` of the 20 clients sends its 5 requests of a second back to back, the clients' seconds` +
        ` 50 ms apart.`,
    ],
  });
  return 0;
}

runBench(main);
