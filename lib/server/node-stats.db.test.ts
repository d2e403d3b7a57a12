import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createFlowSchema } from "@/lib/schemas/flows";
import { nodeStatsQuerySchema } from "@/lib/schemas/node-stats";
import { setupTestDatabase } from "@/test/database";
import { setupAdminContext } from "@/test/admin-context";
import { addFlow } from "./flows";
import { nodeStatsOf } from "./node-stats";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

let acme: WorkspaceContext;
let other: WorkspaceContext;
let flowId = "";
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

interface Attempt {
  nodeId: string;
  attempt?: number;
  status?: "succeeded" | "failed" | "skipped";
  source?: "executed" | "pinned" | "reused";
  final?: boolean;
  costUsd?: string;
  latencyMs?: number;
}

async function addRun(minute: number, attempts: Attempt[], extra: Record<string, unknown> = {}) {
  const run = await getDb().run.create({
    data: {
      workspaceId: acme.workspace.id,
      flowId,
      trigger: "editor",
      status: "succeeded",
      input: {},
      createdAt: at(minute),
      ...extra,
    },
  });
  await getDb().nodeRun.createMany({
    data: attempts.map((a) => ({
      workspaceId: acme.workspace.id,
      runId: run.id,
      nodeId: a.nodeId,
      nodeType: "llm",
      attempt: a.attempt ?? 1,
      status: a.status ?? "succeeded",
      source: a.source ?? "executed",
      final: a.final ?? true,
      costUsd: a.costUsd ?? "0",
      latencyMs: a.latencyMs ?? null,
      idempotencyKey: `${run.id}:${a.nodeId}:${a.attempt ?? 1}`,
    })),
  });
}

beforeAll(async () => {
  const admin = await setupAdminContext();
  acme = admin.ctx;
  other = await admin.inNewWorkspace("Other");
  flowId = (await addFlow(acme, createFlowSchema.parse({ name: "Stats" }))).id;
  // Older runs, outside the last 3: their large costs must not count.
  for (const minute of [0, 1]) await addRun(minute, [{ nodeId: "ask", costUsd: "1" }]);
  await addRun(2, [
    { nodeId: "ask", status: "skipped" },
    { nodeId: "shape", costUsd: "0.0001", latencyMs: 7 },
    { nodeId: "never", status: "skipped" },
  ]);
  await addRun(
    3,
    [
      { nodeId: "ask", costUsd: "0.003", latencyMs: 200 },
      { nodeId: "shape", source: "pinned" },
      { nodeId: "never", status: "skipped" },
    ],
    { contentPurgedAt: at(30) },
  );
  await addRun(4, [
    { nodeId: "ask", status: "failed", final: false, costUsd: "0.001", latencyMs: 500 },
    { nodeId: "ask", attempt: 2, costUsd: "0.002", latencyMs: 100 },
    { nodeId: "shape", source: "reused", costUsd: "0.5", latencyMs: 9 },
  ]);
  // Still running: not part of the window.
  await addRun(5, [{ nodeId: "ask", costUsd: "7" }], { status: "running" });
});

describe("node stats of a flow", () => {
  it("averages the last N settled runs: retries in the cost, skipped/pinned/reused not executions", async () => {
    const stats = await nodeStatsOf(acme, flowId, { last: 3 });
    expect(stats.runs).toBe(3);
    expect(stats.nodes).toEqual([
      {
        nodeId: "ask",
        executions: 2,
        avgCostUsd: "0.003",
        avgLatencyMs: 150,
        p95LatencyMs: 195,
        errorRate: 1 / 3,
        lastRunAt: at(4).toISOString(),
      },
      {
        nodeId: "shape",
        executions: 1,
        avgCostUsd: "0.0001",
        avgLatencyMs: 7,
        p95LatencyMs: 7,
        errorRate: 0,
        lastRunAt: at(2).toISOString(),
      },
    ]);
  });

  it("widens to every settled run when N exceeds them", async () => {
    const stats = await nodeStatsOf(acme, flowId, { last: 500 });
    expect(stats.runs).toBe(5);
    const ask = stats.nodes.find((n) => n.nodeId === "ask");
    // (1 + 1 + 0.003 + 0.001 + 0.002) / 4 executions
    expect(ask).toMatchObject({ executions: 4, avgCostUsd: "0.5015", errorRate: 1 / 5 });
  });

  it("answers zero runs for a flow never run, and 404 for another workspace's or an unknown flow", async () => {
    const fresh = await addFlow(acme, createFlowSchema.parse({ name: "Fresh" }));
    expect(await nodeStatsOf(acme, fresh.id, { last: 20 })).toEqual({ runs: 0, nodes: [] });
    await expect(nodeStatsOf(other, flowId, { last: 20 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(nodeStatsOf(acme, "missing", { last: 20 })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("parses N: 1..500 whole numbers, default 20", () => {
    expect(nodeStatsQuerySchema.parse({})).toEqual({ last: 20 });
    expect(nodeStatsQuerySchema.parse({ last: "50" })).toEqual({ last: 50 });
    for (const last of ["0", "501", "2.5", "abc", ""])
      expect(nodeStatsQuerySchema.safeParse({ last }).success).toBe(false);
    expect(nodeStatsQuerySchema.safeParse({ last: "5", extra: "1" }).success).toBe(false);
  });
});
