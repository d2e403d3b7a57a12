import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { recordWorkerHeartbeat } from "@/lib/db/queue-workers";
import { createWorkspace } from "@/lib/db/workspaces";
import { setupTestDatabase } from "@/test/database";
import { completeSetup } from "./setup";
import { systemStatus } from "./system";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

let workspaceId = "";
let otherId = "";
const ctxOf = (id: string) => ({ workspace: { id, name: "w" } }) as WorkspaceContext;

async function runStartedAfter(workspace: string, waitMs: number): Promise<void> {
  const flow = await createFlow(workspace, { name: `f${waitMs}`, graph: { nodes: [], edges: [] } });
  const createdAt = new Date(Date.now() - 60_000);
  await getDb().run.create({
    data: {
      workspaceId: workspace,
      flowId: flow.id,
      trigger: "api",
      input: {},
      status: "succeeded",
      createdAt,
      startedAt: new Date(createdAt.getTime() + waitMs),
    },
  });
}

beforeAll(async () => {
  const setup = await completeSetup({
    name: "Ada",
    email: "ada@example.com",
    password: "correct-horse-1",
    workspaceName: "Acme",
  });
  workspaceId = setup.workspaceId;
  otherId = (await createWorkspace("Other", setup.userId)).id;
});

describe("system status", () => {
  it("lists workers busiest first, marks silent ones, and forgets those gone for an hour", async () => {
    const now = new Date();
    const beat = { host: "h", pid: 1, concurrency: 10 };
    await recordWorkerHeartbeat({ ...beat, id: "h:1:a", inFlight: 2 });
    await recordWorkerHeartbeat({ ...beat, id: "h:2:b", inFlight: 7 });
    await recordWorkerHeartbeat({ ...beat, id: "h:3:c", inFlight: 0 });
    await getDb().queueWorker.update({
      where: { id: "h:1:a" },
      data: { lastHeartbeatAt: new Date(now.getTime() - 30_000) },
    });
    await getDb().queueWorker.update({
      where: { id: "h:3:c" },
      data: { lastHeartbeatAt: new Date(now.getTime() - 2 * 3_600_000) },
    });
    const status = await systemStatus(ctxOf(workspaceId), now);
    expect(status.execution).toBe("inline");
    expect(status.queue).toBeNull();
    expect(status.workers.map((w) => [w.id, w.inFlight, w.live])).toEqual([
      ["h:2:b", 7, true],
      ["h:1:a", 2, false],
    ]);
    expect(await getDb().queueWorker.count({ where: { id: "h:3:c" } })).toBe(0);
  });

  it("measures dispatch latency over the workspace's own recent runs", async () => {
    for (const waitMs of [10, 20, 30, 40, 1_000]) await runStartedAfter(workspaceId, waitMs);
    await runStartedAfter(otherId, 60_000);
    const { dispatch } = await systemStatus(ctxOf(workspaceId));
    expect(dispatch).toMatchObject({ minutes: 15, runs: 5, p50Ms: 30, maxMs: 1_000 });
    expect(dispatch.p95Ms).toBeGreaterThan(40);
    expect(dispatch.p95Ms).toBeLessThan(1_000);
  });
});
