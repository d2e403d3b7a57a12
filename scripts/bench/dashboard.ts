/**
 * `npm run bench:dashboard`: the costs page's queries (lib/db/costs over NodeRunRollup) against
 * `SELECT count(*) FROM "NodeRun"` on a scratch PostgreSQL database seeded with 1,000,000 node
 * runs. Prints a table, then one JSON line per scenario (ARCHITECTURE.md section 9) as the last lines.
 */
import { closeDatabase, getDb, prepareDatabase } from "@/lib/db/client";
import { createScratchDatabase } from "./children";
import { runBench, type BenchLifecycle } from "./lifecycle";
import { countNodeRuns, scenarios, time } from "./dashboard/measure";
import { rollUpAll, seedNodeRuns, SEED_SHAPE } from "./dashboard/seed";
import { benchResult, formatTable, median, type Measured } from "./stats";

const NODE_RUNS = Number(process.env.BENCH_DASHBOARD_NODE_RUNS || 1_000_000);
const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS || 9);
const ROLLUP_BATCH_RUNS = 5_000;
const TARGET = "<=5";

const log = (line: string) => console.error(line);

async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main(bench: BenchLifecycle): Promise<number> {
  const started = performance.now();
  const scratch = await createScratchDatabase();
  process.env.DATABASE_URL = scratch.url;
  // Interrupted, the database is dropped first (WITH FORCE ends a running statement, which the
  // client would otherwise wait for); otherwise the client closes first.
  bench.onCleanup(async () => {
    const steps = bench.stopping() ? [scratch.drop, closeDatabase] : [closeDatabase, scratch.drop];
    for (const cleanup of steps) {
      await cleanup().catch((error: unknown) => console.error("bench cleanup failed:", error));
    }
  });
  await step("migrations", () => prepareDatabase());
  const runs = await step(`seed ${NODE_RUNS} node runs`, () => seedNodeRuns(NODE_RUNS));
  await step(`roll up in batches of ${ROLLUP_BATCH_RUNS} runs`, () =>
    rollUpAll(ROLLUP_BATCH_RUNS, (done) => {
      if (done % 25_000 === 0) log(`  rolled up ${done} / ${runs} runs`);
    }),
  );
  await step("VACUUM ANALYZE", () => getDb().$executeRawUnsafe("VACUUM ANALYZE"));
  const [counted] = await getDb().$queryRaw<{ rollups: bigint }[]>`
    SELECT count(*) AS rollups FROM "NodeRunRollup"`;
  const rollups = Number(counted!.rollups);

  const list = scenarios();
  const samples = new Map(
    list.map((s) => [s.name, { ours: [] as number[], peer: [] as number[] }]),
  );
  for (let round = 0; round <= ROUNDS; round++) {
    for (const scenario of list) {
      if (bench.stopping()) return 130;
      const order = round % 2 === 0 ? (["ours", "peer"] as const) : (["peer", "ours"] as const);
      for (const kind of order) {
        const ms = await time(kind === "ours" ? scenario.run : countNodeRuns);
        if (round > 0) samples.get(scenario.name)![kind].push(ms); // round 0 warms up
      }
    }
  }
  const measured: Measured[] = list.map((scenario) => {
    const { ours, peer } = samples.get(scenario.name)!;
    return {
      result: {
        ...benchResult(scenario.name, "ms", median(ours), median(peer), TARGET),
        bench: "dashboard",
      },
      detail: `${scenario.detail}; median of ${ours.length} rounds`,
    };
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\nbench:dashboard (${seconds} s)\n`);
  console.log(formatTable(measured));
  console.log(
    `\nNotes: PostgreSQL scratch database; ${NODE_RUNS} node runs of ${runs} runs over ` +
      `${SEED_SHAPE.days} days, ${SEED_SHAPE.flows} flows of ${SEED_SHAPE.nodesPerFlow} nodes, ` +
      `5 models, log-normal latencies, some failures; rolled up by the production statement ` +
      `(lib/db/rollups.ts) into ${rollups} rollup rows, then VACUUM ANALYZE. Ours = the lib/db/costs ` +
      `functions GET /api/costs runs (through Prisma); peer = SELECT count(*) FROM "NodeRun" through ` +
      `the same client; ours and peer alternate in each round, after one warm-up round.\n`,
  );
  for (const { result } of measured) console.log(JSON.stringify(result));
  return 0;
}

runBench(main);
