import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { completeSetup } from "@/lib/server/setup";
import { setupTestDatabase } from "@/test/database";
import { createFlow } from "./flows";
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
const lease = (ms = 60_000) => ({ owner: "test", token: randomUUID(), ms });

describe("run leases", () => {
  it("lets exactly one of two concurrent claims of a queued run win", async () => {
    for (let i = 0; i < 5; i++) {
      const runId = await queued();
      const won = await Promise.all([claimRun(runId, lease()), claimRun(runId, lease())]);
      expect(won.filter(Boolean)).toHaveLength(1);
      expect((await loadRun(runId))?.status).toBe("running");
    }
  });

  it("fences a holder whose lease expired and was claimed: it can neither renew nor settle", async () => {
    const runId = await queued();
    const first = lease(1_000);
    expect(await claimRun(runId, first)).toBe(true);
    const second = lease();
    expect(await claimRun(runId, second)).toBe(false);
    expect(await listOrphanedRuns(60_000)).not.toContain(runId);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await listOrphanedRuns(60_000)).toContain(runId);
    expect(await claimRun(runId, second)).toBe(true);
    expect(await renewRunLease(runId, first)).toBe(false);
    expect(await finishRun(runId, first.token, { status: "failed" })).toBeNull();
    expect(await renewRunLease(runId, second)).toBe(true);
    expect(await finishRun(runId, second.token, { status: "succeeded", output: 1 })).toMatchObject({
      status: "succeeded",
      output: 1,
    });
    expect(await claimRun(runId, lease())).toBe(false);
  });

  it("hands a run back to the queue, and finds runs queued too long", async () => {
    const runId = await queued();
    const held = lease();
    expect(await claimRun(runId, held)).toBe(true);
    await releaseRunLease(runId, held.token);
    expect((await loadRun(runId))?.status).toBe("queued");
    expect(await listOrphanedRuns(0)).toContain(runId);
    expect(await listOrphanedRuns(60_000)).not.toContain(runId);
    expect(await claimRun(runId, lease())).toBe(true);
  });
});
