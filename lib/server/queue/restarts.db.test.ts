import { afterAll, beforeAll, describe, it } from "vitest";
import { setUpChargeScenario } from "@/test/charge-scenario";
import { setupTestDatabase, testDbKind } from "@/test/database";
import {
  faultTestWorkerEnv,
  startWorkerProcess,
  waitFor,
  type FakeDownstream,
  type WorkerProcess,
} from "@/test/queue-cluster";
import {
  startThrowawayPostgres,
  startThrowawayRedis,
  type ThrowawayPostgres,
  type ThrowawayRedis,
} from "@/test/throwaway-services";
import { closeRunQueue } from "./run-queue";

const LEASE_MS = 2_000;
const enabled = testDbKind === "postgresql";

/**
 * Redis and PostgreSQL restarted under load, each a throwaway server of this file's own (never
 * the machine's shared ones): the database under test lives on the throwaway PostgreSQL.
 */
describe.skipIf(!enabled)("queue mode across service restarts", () => {
  let postgres: ThrowawayPostgres;
  let redis: ThrowawayRedis;
  let downstream: FakeDownstream;
  let scenario: Awaited<ReturnType<typeof setUpChargeScenario>>["scenario"];
  const workers: WorkerProcess[] = [];
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;

  // Hooks after tests run in reverse: the servers stop last, after the database is dropped.
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startThrowawayPostgres(), startThrowawayRedis()]);
    process.env.TEST_DATABASE_URL = postgres.url;
  });
  afterAll(async () => {
    process.env.TEST_DATABASE_URL = testDatabaseUrl;
    await Promise.all([postgres?.stop(), redis?.stop()]);
  }, 30_000);
  setupTestDatabase();
  beforeAll(async () => {
    process.env.REDIS_URL = redis.url;
    process.env.TRELLIS_QUEUE_PREFIX = "trellis-restarts";
    ({ downstream, scenario } = await setUpChargeScenario());
    for (let i = 0; i < 2; i++)
      workers.push(startWorkerProcess(faultTestWorkerEnv(redis.url, "trellis-restarts", LEASE_MS)));
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop("SIGKILL")));
    await closeRunQueue();
    await downstream?.close();
    delete process.env.REDIS_URL;
    delete process.env.TRELLIS_QUEUE_PREFIX;
  });

  /** Launches runs in waves while `fault` happens; resolves with the ids of runs that were accepted. */
  const launchDuring = async (fault: () => Promise<void>): Promise<string[]> => {
    const accepted: string[] = [];
    let faulted = false;
    const waves = (async () => {
      for (let wave = 0; wave < 12 || !faulted; wave++) {
        const ids = await scenario.launch(3, 400).catch(() => []);
        accepted.push(...ids);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await waitFor("runs in flight", async () => (accepted.length >= 9 ? true : undefined));
    await fault();
    faulted = true;
    await waves;
    return accepted;
  };

  it("loses no accepted run and repeats no step when Redis restarts empty mid-load", async () => {
    const runIds = await launchDuring(() => redis.restart());
    await scenario.expectCompletedOnce(runIds, 60_000);
  }, 90_000);

  it("loses no accepted run and repeats no step when PostgreSQL restarts mid-load", async () => {
    const runIds = await launchDuring(() => postgres.restart());
    await scenario.expectCompletedOnce(runIds, 60_000);
  }, 90_000);
});
