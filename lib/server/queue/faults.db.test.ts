import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { setUpChargeScenario } from "@/test/charge-scenario";
import { setupTestDatabase, testDbKind } from "@/test/database";
import {
  deleteRedisPrefix,
  faultTestWorkerEnv,
  startWorkerProcess,
  waitFor,
  type FakeDownstream,
  type WorkerProcess,
} from "@/test/queue-cluster";
import { againJobId, closeRunQueue, enqueueRun } from "./run-queue";

const redisUrl = process.env.TEST_REDIS_URL;
const LEASE_MS = 2_000;

setupTestDatabase();

describe.skipIf(testDbKind !== "postgresql" || !redisUrl)("queue mode under faults", () => {
  const prefix = `trellis-faults-${process.pid}`;
  let downstream: FakeDownstream;
  let workers: WorkerProcess[] = [];
  let scenario: Awaited<ReturnType<typeof setUpChargeScenario>>["scenario"];

  const startWorker = () => {
    const worker = startWorkerProcess(faultTestWorkerEnv(redisUrl!, prefix, LEASE_MS));
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    process.env.REDIS_URL = redisUrl;
    process.env.TRELLIS_QUEUE_PREFIX = prefix;
    ({ downstream, scenario } = await setUpChargeScenario());
  });

  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.stop("SIGKILL")));
    workers = [];
    downstream.onCall = undefined;
  });

  afterAll(async () => {
    await closeRunQueue();
    await downstream?.close();
    await deleteRedisPrefix(redisUrl!, prefix);
    delete process.env.REDIS_URL;
    delete process.env.TRELLIS_QUEUE_PREFIX;
  });

  it("resumes runs whose worker was killed during the model call, without charging twice", async () => {
    const first = startWorker();
    const runIds = await scenario.launch(5, 1_500);
    await scenario.modelCallsStarted(runIds);
    await first.stop("SIGKILL");
    startWorker();
    await scenario.expectCompletedOnce(runIds);
    expect(scenario.callsFor(runIds)).toHaveLength(5);
  }, 60_000);

  it("repeats a side effect cut off before its completion write only under the same key", async () => {
    const first = startWorker();
    let killed = false;
    downstream.onCall = async () => {
      if (killed) return;
      killed = true;
      await first.stop("SIGKILL");
    };
    const runIds = await scenario.launch(1, 100);
    await first.exited;
    startWorker();
    await scenario.expectCompletedOnce(runIds);
    const calls = scenario.callsFor(runIds);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(1);
  }, 60_000);

  it("settles a run once when its worker is killed during the completion write", async () => {
    await getDb().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION slow_settle() RETURNS trigger AS $$
      BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$ LANGUAGE plpgsql`);
    await getDb().$executeRawUnsafe(`
      CREATE TRIGGER slow_settle BEFORE UPDATE ON "Run" FOR EACH ROW
      WHEN (NEW.status = 'succeeded' AND OLD.status = 'running') EXECUTE FUNCTION slow_settle()`);
    try {
      const first = startWorker();
      const runIds = await scenario.launch(3, 100);
      await waitFor("a settle in flight", async () => {
        const [row] = await getDb().$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep'`,
        );
        return Number(row!.n) > 0 ? true : undefined;
      });
      await first.stop("SIGKILL");
      startWorker();
      await scenario.expectCompletedOnce(runIds);
      expect(scenario.callsFor(runIds)).toHaveLength(3);
    } finally {
      await getDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS slow_settle ON "Run"`);
    }
  }, 60_000);

  it("finishes every run after all workers were killed with runs in flight and restarted", async () => {
    const killed = [startWorker(), startWorker()];
    const runIds = await scenario.launch(20, 800);
    await waitFor("runs in flight", async () => {
      const running = await getDb().run.count({
        where: { id: { in: runIds }, status: "running" },
      });
      return running >= 5 ? true : undefined;
    });
    await Promise.all(killed.map((worker) => worker.stop("SIGKILL")));
    startWorker();
    startWorker();
    await scenario.expectCompletedOnce(runIds);
  }, 60_000);

  it("executes a run once when its job is delivered twice at the same time", async () => {
    const runIds = await scenario.launch(4, 300);
    for (const runId of runIds) await enqueueRun(runId, againJobId(runId, "duplicate"));
    startWorker();
    startWorker();
    await scenario.expectCompletedOnce(runIds);
    expect(scenario.callsFor(runIds)).toHaveLength(4);
  }, 60_000);

  it("hands runs back on a graceful stop, mid side effect, and another worker finishes them", async () => {
    const stopping = startWorker();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    downstream.onCall = () => held;
    const runIds = await scenario.launch(3, 3_000);
    await waitFor("the side effects to be in flight", async () =>
      scenario.callsFor(runIds).length === 3 ? true : undefined,
    );
    startWorker();
    await stopping.stop("SIGTERM");
    expect(await stopping.exited).toBe(0);
    // Handed back at once (grace 1 s), not left for the stopped worker's lease to expire.
    const leased = await getDb().run.count({
      where: { id: { in: runIds }, leaseOwner: { startsWith: `${stopping.pid}@` } },
    });
    expect(leased).toBe(0);
    release();
    await scenario.expectCompletedOnce(runIds);
    // Each cut-off call was made again under the same idempotency key, so it can be deduplicated.
    const calls = scenario.callsFor(runIds);
    expect(calls).toHaveLength(6);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(3);
  }, 60_000);

  it("keeps a run whose node outlasts the lease, and fences a frozen worker that lost it", async () => {
    const slow = startWorker();
    const [kept] = await scenario.launch(1, LEASE_MS * 2);
    await scenario.expectCompletedOnce([kept!]);
    expect((await scenario.nodeRuns([kept!])).filter((r) => r.nodeId === "ask")).toHaveLength(1);

    const [frozen] = await scenario.launch(1, 1_500);
    await scenario.modelCallsStarted([frozen!]);
    process.kill(slow.pid, "SIGSTOP");
    startWorker();
    await scenario.expectCompletedOnce([frozen!]);
    const settled = await getDb().run.findUniqueOrThrow({ where: { id: frozen! } });
    process.kill(slow.pid, "SIGCONT");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await scenario.expectCompletedOnce([frozen!]);
    expect(await getDb().run.findUniqueOrThrow({ where: { id: frozen! } })).toEqual(settled);
  }, 60_000);
});
