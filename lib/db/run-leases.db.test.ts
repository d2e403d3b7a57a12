import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { completeSetup } from "@/lib/server/setup";
import { setupTestDatabase } from "@/test/database";
import { createFlow } from "./flows";
import { listAttempts, listRunEvents } from "./node-runs";
import { writeRunRecords, type RunRecordBatch } from "./run-records";
import { claimRun, listOrphanedRuns, releaseRunLease, renewRunLease } from "./run-leases";
import { createRun, finishRun, loadRun } from "./runs";

setupTestDatabase();

let workspaceId = "";
let flowId = "";
beforeAll(async () => {
  ({ workspaceId } = await completeSetup({
    name: "Ada",
    email: "ada@example.com",
    password: "correct-horse-1",
    workspaceName: "Acme",
  }));
  flowId = (await createFlow(workspaceId, { name: "f", graph: { nodes: [], edges: [] } })).id;
});

const queued = async () =>
  (
    await createRun({
      workspaceId,
      flowId,
      graphSnapshot: { nodes: [], edges: [] },
      trigger: "api",
      input: {},
    })
  ).id;
const orphanIds = async (queuedMs: number) =>
  (await listOrphanedRuns(queuedMs)).map((run) => run.id);
const lease = (ms = 60_000) => ({ owner: "test", token: randomUUID(), ms });

describe("run leases", () => {
  it("lets exactly one of two concurrent claims of a queued run win", async () => {
    for (let i = 0; i < 5; i++) {
      const runId = await queued();
      const won = await Promise.all([claimRun(runId, lease()), claimRun(runId, lease())]);
      expect(won.filter(Boolean)).toEqual([{ firstStart: true, maskPii: false }]);
      expect((await loadRun(runId))?.status).toBe("running");
    }
  });

  it("fences a holder whose lease expired and was claimed: it can neither renew nor settle", async () => {
    const runId = await queued();
    const first = lease(1_000);
    expect(await claimRun(runId, first)).toMatchObject({ firstStart: true });
    const second = lease();
    expect(await claimRun(runId, second)).toBeNull();
    expect(await orphanIds(60_000)).not.toContain(runId);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await orphanIds(60_000)).toContain(runId);
    expect(await claimRun(runId, second)).toMatchObject({ firstStart: false });
    expect(await renewRunLease(runId, first)).toBe(false);
    expect(await finishRun(runId, first.token, { status: "failed" })).toBeNull();
    expect(await renewRunLease(runId, second)).toBe(true);
    expect(await finishRun(runId, second.token, { status: "succeeded", output: 1 })).toMatchObject({
      status: "succeeded",
      output: 1,
    });
    expect(await claimRun(runId, lease())).toBeNull();
  });

  it("hands a run back to the queue, and finds runs queued too long", async () => {
    const runId = await queued();
    const held = lease();
    expect(await claimRun(runId, held)).not.toBeNull();
    await releaseRunLease(runId, held.token);
    expect((await loadRun(runId))?.status).toBe("queued");
    expect(await orphanIds(0)).toContain(runId);
    expect(await orphanIds(60_000)).not.toContain(runId);
    expect(await claimRun(runId, lease())).toMatchObject({ firstStart: false });
  });
});

describe("fenced records", () => {
  it("drops a lost lease holder's events and never lets it rewrite the new holder's attempts", async () => {
    const runId = await queued();
    const stale = lease(1_000);
    const current = lease();
    const key = { workspaceId, runId, nodeId: "ask", nodeType: "llm", attempt: 1 };
    const batch = (token: string, output: string, seq: number): RunRecordBatch => ({
      workspaceId,
      runId,
      leaseToken: token,
      attempts: [{ key, started: true, outcome: { status: "succeeded", output } }],
      events: [{ seq, type: "node.succeeded", data: { output } }],
      humanTasks: [],
    });
    expect(await claimRun(runId, stale)).not.toBeNull();
    await writeRunRecords(batch(stale.token, "stale, while it held the run", 1));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await claimRun(runId, current)).not.toBeNull();
    await writeRunRecords(batch(current.token, "current", 2));
    await writeRunRecords(batch(stale.token, "stale, after losing it", 3));

    const attempts = await listAttempts(runId);
    expect(attempts.map((a) => a.output)).toEqual(["current"]);
    expect((await listRunEvents(runId)).map((e) => e.seq)).toEqual([1, 2]);
  });
});
