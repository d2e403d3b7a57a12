import { beforeAll, describe, expect, it } from "vitest";
import { setupAdminContext } from "@/test/admin-context";
import { setupTestDatabase } from "@/test/database";
import { getDb } from "./client";
import { createFlow } from "./flows";
import { rollUpNodeRuns, rollUpPendingNodeRuns } from "./rollups";

setupTestDatabase();

const NODES = ["a", "b", "c", "d", "e", "f"];
const RUNS = 40;
let workspaceId = "";
let flowId = "";

// A deterministic pseudo-random sequence.
let seed = 11;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;

/** A settled run of the flow whose node runs, in a shuffled order, fall into random latency buckets. */
async function seedSettledRun(): Promise<string> {
  const run = await getDb().run.create({
    data: { workspaceId, flowId, trigger: "api", input: {}, status: "succeeded" },
  });
  const nodes = [...NODES].sort(() => rand() - 0.5);
  await getDb().nodeRun.createMany({
    data: nodes.map((nodeId) => ({
      workspaceId,
      runId: run.id,
      nodeId,
      nodeType: "llm",
      status: "succeeded" as const,
      idempotencyKey: `${run.id}:${nodeId}:1`,
      costUsd: "0.00100000",
      latencyMs: 1 + Math.floor(rand() * 3),
    })),
  });
  return run.id;
}

async function rolledUpTotals(): Promise<{ attempts: number; cost: string }> {
  const [row] = await getDb().$queryRaw<{ attempts: number; cost: string }[]>`
    SELECT COALESCE(SUM(attempts), 0)::int AS attempts, COALESCE(SUM("costUsd"), 0)::text AS cost
    FROM "NodeRunRollup" WHERE "flowId" = ${flowId}`;
  return row!;
}

beforeAll(async () => {
  workspaceId = (await setupAdminContext()).ctx.workspace.id;
  flowId = (await createFlow(workspaceId, { name: "Busy flow", graph: { nodes: [], edges: [] } }))
    .id;
});

describe("cost rollups under concurrent settles", () => {
  it("rolls up many runs of one flow at once without a deadlock, counting each node run once", async () => {
    const runIds = await Promise.all(Array.from({ length: RUNS }, () => seedSettledRun()));
    // No retry here: the statements themselves must not deadlock (40P01) on shared rollup rows.
    // Each node of a run is its own rollup row, so each statement writes one row per node.
    const written = await Promise.all(runIds.map((id) => rollUpNodeRuns(id)));
    expect(written).toEqual(runIds.map(() => NODES.length));
    expect(await rolledUpTotals()).toEqual({
      attempts: RUNS * NODES.length,
      cost: (RUNS * NODES.length * 0.001).toFixed(8),
    });
    expect(await Promise.all(runIds.map((id) => rollUpNodeRuns(id)))).toEqual(runIds.map(() => 0));
  });

  it("the sweeper rolls up what a settle left pending, once, even racing the run's own rollup", async () => {
    const before = await rolledUpTotals();
    const runIds = await Promise.all(Array.from({ length: 10 }, () => seedSettledRun()));
    await Promise.all([rollUpPendingNodeRuns(), ...runIds.map((id) => rollUpNodeRuns(id))]);
    expect((await rolledUpTotals()).attempts).toBe(before.attempts + 10 * NODES.length);
    expect(await rollUpPendingNodeRuns()).toBe(0);
  });
});
