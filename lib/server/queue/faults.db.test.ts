import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { addHttpAllowRule } from "@/lib/db/http-allow-rules";
import { setupTestDatabase, testDbKind } from "@/test/database";
import {
  deleteRedisPrefix,
  startFakeDownstream,
  startWorkerProcess,
  waitFor,
  type FakeDownstream,
  type WorkerProcess,
} from "@/test/queue-cluster";
import { completeSetup } from "../setup";
import { startNewRun } from "../runs/run-service";
import { againJobId, closeRunQueue, enqueueRun } from "./run-queue";

const redisUrl = process.env.TEST_REDIS_URL;
const LEASE_MS = 2_000;

setupTestDatabase();

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({
  id,
  type,
  typeVersion: 1,
  label: id,
  config,
  policy: {},
  position: { x: 0, y: 0 },
});
const edge = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  sourcePort: "out",
  target,
  targetPort: "in",
});
/** Input -> HTTP POST to the fake downstream (the side effect) -> model (`latencyMs`) -> Output. */
const chargeFlow = (downstreamUrl: string, latencyMs: number) => ({
  nodes: [
    node("in", "input"),
    node("charge", "http-tool", {
      method: "POST",
      url: `${downstreamUrl}/charge`,
      body: '{"order": "{{ input.order }}"}',
    }),
    node("ask", "llm", {
      prompt: { kind: "inline", template: "Confirm {{ input }}" },
      model: { connection: "simulated", model: "sim-small" },
      parameters: { simulated: { latencyMs, tokenDelayMs: 0 } },
    }),
    node("out", "output"),
  ],
  edges: [edge("in", "charge"), edge("charge", "ask"), edge("ask", "out")],
});

describe.skipIf(testDbKind !== "postgresql" || !redisUrl)("queue mode under faults", () => {
  const prefix = `trellis-faults-${process.pid}`;
  let workspaceId = "";
  let downstream: FakeDownstream;
  let workers: WorkerProcess[] = [];
  const flows = new Map<number, { id: string; graph: ReturnType<typeof chargeFlow> }>();

  const startWorker = () => {
    const worker = startWorkerProcess({
      REDIS_URL: redisUrl!,
      TRELLIS_QUEUE_PREFIX: prefix,
      TRELLIS_LEASE_MS: String(LEASE_MS),
      TRELLIS_ORPHAN_SWEEP_MS: "250",
      TRELLIS_ORPHAN_QUEUED_MS: "5000",
      TRELLIS_WORKER_CONCURRENCY: "10",
      TRELLIS_WORKER_GRACE_MS: "1000",
    });
    workers.push(worker);
    return worker;
  };

  /** Launches `count` runs of the charge flow whose model answers after `latencyMs`. */
  const launch = async (count: number, latencyMs: number): Promise<string[]> => {
    if (!flows.has(latencyMs)) {
      const graph = chargeFlow(downstream.url, latencyMs);
      const { id } = await createFlow(workspaceId, { name: `charge ${latencyMs}`, graph });
      flows.set(latencyMs, { id, graph });
    }
    const flow = flows.get(latencyMs)!;
    const ctx = { workspace: { id: workspaceId }, user: null };
    return Promise.all(
      Array.from({ length: count }, (_, i) =>
        startNewRun(ctx, {
          flowId: flow.id,
          graph: flow.graph,
          trigger: "api",
          input: { order: `o${i}` },
        }),
      ),
    );
  };

  const nodeRuns = (runIds: string[]) =>
    getDb().nodeRun.findMany({
      where: { runId: { in: runIds } },
      select: { runId: true, nodeId: true, attempt: true, status: true, idempotencyKey: true },
    });

  /** Waits until every run settled, then checks the invariants the issue asks for. */
  const expectCompletedOnce = async (runIds: string[], timeoutMs = 40_000) => {
    const runs = await waitFor(
      "the runs to settle",
      async () => {
        const found = await getDb().run.findMany({
          where: { id: { in: runIds } },
          select: { id: true, status: true },
        });
        return found.every((run) => run.status === "succeeded") ? found : undefined;
      },
      timeoutMs,
    );
    expect(runs).toHaveLength(runIds.length);
    const rows = await nodeRuns(runIds);
    for (const runId of runIds) {
      const mine = rows.filter((row) => row.runId === runId);
      // Each step recorded once: one succeeded row per node, one row per attempt key.
      for (const nodeId of ["in", "charge", "ask", "out"]) {
        expect(mine.filter((r) => r.nodeId === nodeId && r.status === "succeeded")).toHaveLength(1);
      }
      expect(new Set(mine.map((r) => r.idempotencyKey)).size).toBe(mine.length);
      // The downstream saw the side effect only under the key of the attempt that succeeded.
      const charged = mine.find((r) => r.nodeId === "charge" && r.status === "succeeded")!;
      const keys = downstream.calls
        .filter((call) => call.idempotencyKey?.startsWith(`${runId}:`))
        .map((call) => call.idempotencyKey);
      expect(keys.length).toBeGreaterThanOrEqual(1);
      expect(new Set(keys)).toEqual(new Set([charged.idempotencyKey]));
    }
  };

  const callsFor = (runIds: string[]) =>
    downstream.calls.filter((c) => runIds.some((id) => c.idempotencyKey?.startsWith(`${id}:`)));

  beforeAll(async () => {
    process.env.REDIS_URL = redisUrl;
    process.env.TRELLIS_QUEUE_PREFIX = prefix;
    ({ workspaceId } = await completeSetup({
      name: "Ada",
      email: "ada@example.com",
      password: "correct-horse-1",
      workspaceName: "Acme",
    }));
    downstream = await startFakeDownstream();
    await addHttpAllowRule(workspaceId, downstream.url, "fake downstream");
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
    const runIds = await launch(5, 1_500);
    await waitFor("the model calls to start", async () => {
      const rows = await nodeRuns(runIds);
      return rows.filter((r) => r.nodeId === "ask").length === 5 ? true : undefined;
    });
    await first.stop("SIGKILL");
    startWorker();
    await expectCompletedOnce(runIds);
    expect(callsFor(runIds)).toHaveLength(5);
  }, 60_000);

  it("repeats a side effect cut off before its completion write only under the same key", async () => {
    const first = startWorker();
    let killed = false;
    downstream.onCall = async () => {
      if (killed) return;
      killed = true;
      await first.stop("SIGKILL");
    };
    const runIds = await launch(1, 100);
    await first.exited;
    startWorker();
    await expectCompletedOnce(runIds);
    const calls = callsFor(runIds);
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
      const runIds = await launch(3, 100);
      await waitFor("a settle in flight", async () => {
        const [row] = await getDb().$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep'`,
        );
        return Number(row!.n) > 0 ? true : undefined;
      });
      await first.stop("SIGKILL");
      startWorker();
      await expectCompletedOnce(runIds);
      expect(callsFor(runIds)).toHaveLength(3);
    } finally {
      await getDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS slow_settle ON "Run"`);
    }
  }, 60_000);

  it("finishes every run after all workers were killed with runs in flight and restarted", async () => {
    const killed = [startWorker(), startWorker()];
    const runIds = await launch(20, 800);
    await waitFor("runs in flight", async () => {
      const running = await getDb().run.count({
        where: { id: { in: runIds }, status: "running" },
      });
      return running >= 5 ? true : undefined;
    });
    await Promise.all(killed.map((worker) => worker.stop("SIGKILL")));
    startWorker();
    startWorker();
    await expectCompletedOnce(runIds);
  }, 60_000);

  it("executes a run once when its job is delivered twice at the same time", async () => {
    const runIds = await launch(4, 300);
    for (const runId of runIds) await enqueueRun(runId, againJobId(runId, "duplicate"));
    startWorker();
    startWorker();
    await expectCompletedOnce(runIds);
    expect(callsFor(runIds)).toHaveLength(4);
  }, 60_000);

  it("keeps a run whose node outlasts the lease, and fences a frozen worker that lost it", async () => {
    const slow = startWorker();
    const [kept] = await launch(1, LEASE_MS * 2);
    await expectCompletedOnce([kept!]);
    expect((await nodeRuns([kept!])).filter((r) => r.nodeId === "ask")).toHaveLength(1);

    const [frozen] = await launch(1, 1_500);
    await waitFor("the model call to start", async () =>
      (await nodeRuns([frozen!])).some((r) => r.nodeId === "ask") ? true : undefined,
    );
    process.kill(slow.pid, "SIGSTOP");
    startWorker();
    await expectCompletedOnce([frozen!]);
    const settled = await getDb().run.findUniqueOrThrow({ where: { id: frozen! } });
    process.kill(slow.pid, "SIGCONT");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await expectCompletedOnce([frozen!]);
    expect(await getDb().run.findUniqueOrThrow({ where: { id: frozen! } })).toEqual(settled);
  }, 60_000);
});
