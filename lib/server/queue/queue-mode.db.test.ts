import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "@/lib/db/flows";
import { listAttempts } from "@/lib/db/node-runs";
import { loadRun } from "@/lib/db/runs";
import { POST as runRoute } from "@/app/api/v1/flows/[slug]/run/route";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { createAdminContext } from "@/test/fixtures";
import { callApi, testKey } from "@/test/run-api";
import { simulatedAskFlow } from "@/test/graph";
import { deleteRedisPrefix, startWorkerProcess, type WorkerProcess } from "@/test/queue-cluster";
import { publishEndpoint } from "../endpoints/endpoints";
import { completeSetup } from "../setup";
import { awaitRun } from "../runs/await-run";
import { subscribeRunEvents, type RunStreamEvent } from "../runs/event-bus";
import { isExecutingHere } from "../runs/execute-run";
import { startNewRun } from "../runs/run-service";
import { systemStatus } from "../system";
import type { WorkspaceContext } from "../workspace-context";
import { startRunEventRelay } from "./event-relay";
import { closeRunQueue } from "./run-queue";

const redisUrl = process.env.TEST_REDIS_URL;

setupTestDatabase();

// Slow enough that this process subscribes to the run's events before the model answers.
const graph = simulatedAskFlow(300);

const ctxOf = (id: string) => ({ workspace: { id, name: "w" } }) as WorkspaceContext;

describe.skipIf(testDbKind !== "postgresql" || !redisUrl)("queue mode", () => {
  let worker: WorkerProcess | undefined;
  let stopRelay: (() => Promise<void>) | undefined;
  let workspaceId = "";
  let flowId = "";

  beforeAll(async () => {
    process.env.REDIS_URL = redisUrl;
    process.env.TRELLIS_QUEUE_PREFIX = `trellis-test-${process.pid}`;
    ({ workspaceId } = await completeSetup({
      name: "Ada",
      email: "ada@example.com",
      password: "correct-horse-1",
      workspaceName: "Acme",
    }));
    flowId = (await createFlow(workspaceId, { name: "queued", graph })).id;
    stopRelay = startRunEventRelay(redisUrl!);
    worker = startWorkerProcess({
      TRELLIS_WORKER_CONCURRENCY: "4",
      TRELLIS_WORKER_GRACE_MS: "1000",
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await stopRelay?.();
    await closeRunQueue();
    await deleteRedisPrefix(redisUrl!, process.env.TRELLIS_QUEUE_PREFIX!);
    delete process.env.REDIS_URL;
    delete process.env.TRELLIS_QUEUE_PREFIX;
  });

  it("enqueues runs that a worker process executes, with their events relayed here", async () => {
    const ctx = { workspace: { id: workspaceId }, user: null };
    const launch = (question: string) =>
      startNewRun(ctx, { flowId, graph, trigger: "api", input: { question } });
    const events: RunStreamEvent[] = [];
    const first = await launch("first");
    const unsubscribe = subscribeRunEvents(first, (event) => events.push(event));
    const questions = ["alpha", "bravo", "charlie", "delta", "echo"];
    const others = await Promise.all(questions.map(launch));
    expect(isExecutingHere(first)).toBe(false);

    for (const [i, runId] of [first, ...others].entries()) {
      await awaitRun(runId, 30_000);
      const run = await loadRun(runId);
      expect(run).toMatchObject({ status: "succeeded" });
      expect(JSON.stringify(run?.output)).toContain(["first", ...questions][i]);
      const attempts = await listAttempts(runId);
      expect(attempts.map((a) => a.nodeId).sort()).toEqual(["ask", "in", "out"]);
    }
    unsubscribe();
    const types = events.map((e) => e.type);
    expect(types).toContain("node.succeeded");
    expect(types.at(-1)).toBe("run.persisted");
  }, 60_000);

  it("answers sync and stream calls of an endpoint run by a worker, tokens relayed live", async () => {
    const ctx = await createAdminContext("Endpoints");
    const { versionIds } = await flowWithVersions(ctx, [askGraph()]);
    await publishEndpoint(ctx, { slug: "ask", flowVersionId: versionIds[0]! });
    const key = (await testKey(ctx)).secret;
    const call = (mode: string) =>
      callApi(runRoute, {
        key,
        params: { slug: "ask" },
        body: { input: { question: "Where is my parcel?" }, mode },
      });

    const sync = await call("sync");
    expect(sync.status).toBe(200);
    const { run } = (await sync.json()) as { run: { id: string; status: string; output: unknown } };
    expect(run).toMatchObject({ status: "succeeded" });
    expect(JSON.stringify(run.output)).toContain("parcel");
    expect(isExecutingHere(run.id)).toBe(false);

    const stream = await call("stream");
    expect(stream.status).toBe(200);
    const types = (await stream.text())
      .split("\n\n")
      .map((block) => /^event: (.+)$/m.exec(block)?.[1])
      .filter(Boolean);
    expect(types[0]).toBe("run.created");
    // Tokens are never stored: these came from the worker through Redis.
    expect(types).toContain("node.token");
    expect(types.at(-1)).toBe("run.result");
  });

  it("shows the worker on the System page while it runs, and drops it once it stopped", async () => {
    const [listed] = (await systemStatus(ctxOf(workspaceId))).workers;
    expect(listed).toMatchObject({ pid: worker!.pid, concurrency: 4, live: true });
    await worker!.stop();
    expect(await worker!.exited).toBe(0);
    expect((await systemStatus(ctxOf(workspaceId))).workers).toEqual([]);
  });
});
