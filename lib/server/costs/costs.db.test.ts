import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { rollUpNodeRuns } from "@/lib/db/rollups";
import { createWorkspace } from "@/lib/db/workspaces";
import { costsExportQuerySchema, costsQuerySchema } from "@/lib/schemas/costs";
import { setupTestDatabase } from "@/test/database";
import { completeSetup } from "../setup";
import type { WorkspaceContext } from "../workspace-context";
import { costsCsv } from "./export";
import { costsReport } from "./report";

setupTestDatabase();

const node = (id: string, type: string, label: string) => ({
  id,
  type,
  typeVersion: 1,
  label,
  config: {},
  policy: {},
  position: { x: 0, y: 0 },
});
const graph = {
  nodes: [
    node("in", "input", "Input"),
    node("ask", "llm", "Ask the model"),
    node("review", "human-review", "Review"),
    node("out", "output", "Output"),
  ],
  edges: [],
};
const MODELS = ["openai/gpt-4o-mini", "openai/gpt-4o", "simulated/sim-small"].map((m) =>
  m.split("/"),
);
const FROM = "2025-06-01";
const TO = "2026-08-01";

const ctxOf = (id: string) => ({ workspace: { id, name: "w" } }) as WorkspaceContext;
let ws = "";
let otherWs = "";
const flowIds: string[] = [];
let otherFlowId = "";
const runIds: string[] = [];

// A deterministic pseudo-random sequence.
let seed = 7;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;

async function seedRun(
  workspaceId: string,
  flowId: string,
  i: number,
  { rollUp = true } = {},
): Promise<string> {
  const day = new Date(Date.parse(FROM) + i * 7 * 86_400_000 + 3_600_000 * (i % 20));
  const run = await getDb().run.create({
    data: {
      workspaceId,
      flowId,
      trigger: "api",
      input: {},
      status: i % 5 === 0 ? "failed" : "succeeded",
      createdAt: day,
    },
  });
  const reviewed = i % 3 === 0;
  const rows = [
    { nodeId: "in", nodeType: "input", status: "succeeded" as const, latencyMs: 0 },
    ...Array.from({ length: 1 + (i % 2) }, (_, attempt) => {
      const [provider, model] = MODELS[i % MODELS.length]!;
      return {
        nodeId: "ask",
        nodeType: "llm",
        attempt: attempt + 1,
        status: attempt === 0 && i % 2 === 1 ? ("failed" as const) : ("succeeded" as const),
        provider,
        model,
        tokensIn: 100 + Math.floor(rand() * 900),
        tokensOut: Math.floor(rand() * 300),
        tokensCached: Math.floor(rand() * 50),
        costUsd: (rand() / 100).toFixed(8),
        latencyMs: 20 + Math.floor(rand() * rand() * 5_000),
      };
    }),
    {
      nodeId: "review",
      nodeType: "human-review",
      status: reviewed ? ("succeeded" as const) : ("skipped" as const),
      latencyMs: reviewed ? 1 + Math.floor(rand() * 100) : null,
    },
    { nodeId: "out", nodeType: "output", status: "succeeded" as const, source: "pinned" as const },
  ];
  await getDb().nodeRun.createMany({
    data: rows.map((row) => ({
      workspaceId,
      runId: run.id,
      idempotencyKey: `${run.id}:${row.nodeId}:${"attempt" in row ? row.attempt : 1}`,
      startedAt: day,
      ...row,
    })),
  });
  if (rollUp) await rollUpNodeRuns(run.id);
  return run.id;
}

beforeAll(async () => {
  const setup = await completeSetup({
    name: "Ada",
    email: "ada@example.com",
    password: "correct-horse-1",
    workspaceName: "Acme",
  });
  ws = setup.workspaceId;
  otherWs = (await createWorkspace("Other", setup.userId)).id;
  for (const name of ["Triage", '=HYPERLINK("x"), "quoted"']) {
    flowIds.push((await createFlow(ws, { name, graph })).id);
  }
  otherFlowId = (await createFlow(otherWs, { name: "Theirs", graph })).id;
  for (let i = 0; i < 60; i++) runIds.push(await seedRun(ws, flowIds[i % 2]!, i));
  for (let i = 0; i < 10; i++) await seedRun(otherWs, otherFlowId, i);
});

type Row = Record<string, unknown>;
const sql = (query: string, ...params: unknown[]) =>
  getDb().$queryRawUnsafe<Row[]>(query, ...params);
const NODE_RUNS = `FROM "NodeRun" n JOIN "Run" r ON r.id = n."runId"
  WHERE n."workspaceId" = $1 AND n."startedAt"::date BETWEEN $2::date AND $3::date`;

describe("costs report", () => {
  it("sums what NodeRun sums: totals, per node, per model and per day", async () => {
    const report = await costsReport(ctxOf(ws), { from: FROM, to: TO });
    const [total] = await sql(
      `SELECT SUM(n."costUsd")::numeric(20, 8)::text AS cost, SUM(n."tokensIn")::int AS "in",
        SUM(n."tokensOut")::int AS "out", SUM(n."tokensCached")::int AS cached,
        COUNT(*)::int AS attempts, COUNT(*) FILTER (WHERE n.status = 'failed')::int AS failed ${NODE_RUNS}`,
      ws,
      FROM,
      TO,
    );
    expect(report.totals).toMatchObject({
      costUsd: total!.cost,
      tokensIn: total!.in,
      tokensOut: total!.out,
      tokensCached: total!.cached,
      attempts: total!.attempts,
      failed: total!.failed,
      runs: 60,
      goodRuns: 48,
    });

    const perNode = await sql(
      `SELECT r."flowId", n."nodeId", SUM(n."costUsd")::numeric(20, 8)::text AS cost,
        SUM(n."tokensOut")::int AS "out" ${NODE_RUNS} GROUP BY 1, 2`,
      ws,
      FROM,
      TO,
    );
    expect(report.byNode).toHaveLength(perNode.length);
    for (const row of perNode) {
      const ours = report.byNode.find((n) => n.flowId === row.flowId && n.nodeId === row.nodeId);
      expect(ours).toMatchObject({ costUsd: row.cost, tokensOut: row.out });
    }
    expect(report.byNode.find((n) => n.nodeId === "ask")?.nodeLabel).toBe("Ask the model");

    const perModel = await sql(
      `SELECT n.provider, n.model, SUM(n."costUsd")::numeric(20, 8)::text AS cost,
        SUM(n."tokensIn")::int AS "in", COUNT(*)::int AS calls ${NODE_RUNS}
        AND n.model IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      ws,
      FROM,
      TO,
    );
    const byModel = [...report.byModel].sort((a, b) =>
      `${a.provider}/${a.model}`.localeCompare(`${b.provider}/${b.model}`),
    );
    expect(byModel.map((m) => [m.provider, m.model, m.costUsd, m.tokensIn, m.calls])).toEqual(
      perModel.map((m) => [m.provider, m.model, m.cost, m.in, m.calls]),
    );

    const perDay = await sql(
      `SELECT n."startedAt"::date::text AS day, SUM(n."costUsd")::numeric(20, 8)::text AS cost
        ${NODE_RUNS} GROUP BY 1 ORDER BY 1`,
      ws,
      FROM,
      TO,
    );
    expect(report.byDay.map((d) => [d.day, d.costUsd])).toEqual(perDay.map((d) => [d.day, d.cost]));
    expect(report.byFlow.map((f) => f.flowName).sort()).toEqual(
      ['=HYPERLINK("x"), "quoted"', "Triage"].sort(),
    );
  });

  it("reads latency percentiles off the buckets within 10 % and rates errors and reviews", async () => {
    const { byNode } = await costsReport(ctxOf(ws), { from: FROM, to: TO, flowId: flowIds[0] });
    const ask = byNode.find((n) => n.nodeId === "ask")!;
    const [exact] = await sql(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n."latencyMs") AS p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY n."latencyMs") AS p95,
        AVG(n."latencyMs")::float8 AS avg,
        COUNT(*) FILTER (WHERE n.status = 'failed')::float8 / COUNT(*) AS "errorRate"
        ${NODE_RUNS} AND r."flowId" = $4 AND n."nodeId" = 'ask'`,
      ws,
      FROM,
      TO,
      flowIds[0],
    );
    expect(ask.latencyMs.avg).toBeCloseTo(exact!.avg as number, 6);
    for (const p of ["p50", "p95"] as const) {
      expect(Math.abs(ask.latencyMs[p]! / (exact![p] as number) - 1)).toBeLessThan(0.1);
    }
    expect(ask.latencyMs.p99).toBeGreaterThanOrEqual(ask.latencyMs.p95!);
    expect(ask.errorRate).toBeCloseTo(exact!.errorRate as number, 10);
    expect(ask.reviewRate).toBeNull();

    const review = byNode.find((n) => n.nodeId === "review")!;
    // Flow 0 has runs 0, 2, ..., 58; every third of them (i % 3 === 0) paused for a review.
    expect(review.reviews).toBe(10);
    expect(review.reviewRate).toBeCloseTo(10 / 30, 10);
    expect(byNode.find((n) => n.nodeId === "out")).toMatchObject({ executed: 0, errorRate: null });
  });

  it("counts a run rated bad out of the good runs and divides the cost in SQL", async () => {
    const before = await costsReport(ctxOf(ws), { from: FROM, to: TO });
    await getDb().run.update({ where: { id: runIds[1]! }, data: { rating: "bad" } });
    await getDb().run.update({ where: { id: runIds[2]! }, data: { rating: "good" } });
    const after = await costsReport(ctxOf(ws), { from: FROM, to: TO });
    expect(after.totals.goodRuns).toBe(before.totals.goodRuns - 1);
    const [expected] = await sql(
      `SELECT ROUND($1::numeric / $2, 8)::text AS v`,
      after.totals.costUsd,
      after.totals.goodRuns,
    );
    expect(after.totals.costPerGoodOutputUsd).toBe(expected!.v);
  });

  it("never includes another workspace's spend; an unknown flow gives zeros", async () => {
    const theirs = await costsReport(ctxOf(otherWs), { from: FROM, to: TO });
    expect(theirs.totals.runs).toBe(10);
    expect(theirs.byFlow.map((f) => f.flowId)).toEqual([otherFlowId]);
    for (const flowId of [otherFlowId, "no-such-flow"]) {
      const report = await costsReport(ctxOf(ws), { from: FROM, to: TO, flowId });
      expect(report.totals).toMatchObject({ costUsd: "0.00000000", attempts: 0, runs: 0 });
      expect(report.totals.costPerGoodOutputUsd).toBeNull();
      expect([report.byDay, report.byFlow, report.byModel, report.byNode]).toEqual([
        [],
        [],
        [],
        [],
      ]);
    }
  });

  it("refuses bad ranges", () => {
    for (const query of [
      { from: "2026-02-30", to: "2026-03-01" },
      { from: "yesterday", to: "2026-03-01" },
      { from: "2026-03-02", to: "2026-03-01" },
      { from: "2010-01-01", to: "2026-03-01" },
      { from: "2026-03-01", to: "2026-03-01", extra: "1" },
    ]) {
      expect(costsQuerySchema.safeParse(query).success).toBe(false);
      expect(costsExportQuerySchema.safeParse({ ...query, view: "day" }).success).toBe(false);
    }
    expect(costsExportQuerySchema.safeParse({ from: FROM, to: TO, view: "run" }).success).toBe(
      false,
    );
    expect(costsExportQuerySchema.safeParse({ from: FROM, to: TO, view: "node" }).success).toBe(
      true,
    );
  });
});

const readCsv = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
describe("costs CSV export", () => {
  it("streams the by-day table over a ten-year range in keyset pages", async () => {
    const range = { from: "2020-01-01", to: "2029-12-31" };
    const report = await costsReport(ctxOf(ws), range);
    expect(report.byDay).toHaveLength(60);
    const { fileName, stream } = costsCsv(ctxOf(ws), "day", range, 7);
    expect(fileName).toBe("trellis-costs-day-2020-01-01-to-2029-12-31.csv");
    const lines = (await readCsv(stream)).split("\r\n");
    expect(lines[0]).toBe("day,cost_usd,tokens_in,tokens_out,tokens_cached");
    const rows = report.byDay.map((d) => [
      d.day,
      d.costUsd,
      d.tokensIn,
      d.tokensOut,
      d.tokensCached,
    ]);
    expect(lines.slice(1)).toEqual([...rows.map((r) => r.join(",")), ""]);
  });

  it("quotes per RFC 4180 and neutralises formulas", async () => {
    const { stream } = costsCsv(ctxOf(ws), "flow", { from: FROM, to: TO });
    const text = await readCsv(stream);
    expect(text).toContain(`,"'=HYPERLINK(""x""), ""quoted""",`);
    const node = await readCsv(costsCsv(ctxOf(ws), "node", { from: FROM, to: TO }).stream);
    expect(node.split("\r\n")[0]).toContain("latency_p95_ms");
    expect(node).toContain(",Ask the model,llm,");
    const models = await readCsv(costsCsv(ctxOf(ws), "model", { from: FROM, to: TO }).stream);
    expect(models.split("\r\n")).toHaveLength(MODELS.length + 2);
  });
});

describe("costs before a rollup", () => {
  it("counts settled node runs no rollup has reached yet, and each once after it", async () => {
    const scope = { from: FROM, to: TO, flowId: flowIds[0] };
    const before = await costsReport(ctxOf(ws), scope);
    const runId = await seedRun(ws, flowIds[0]!, 60, { rollUp: false });
    const { startedAt } = await getDb().nodeRun.findFirstOrThrow({ where: { runId } });
    await getDb().nodeRun.create({
      data: {
        workspaceId: ws,
        runId,
        nodeId: "late",
        nodeType: "llm",
        status: "running",
        idempotencyKey: `${runId}:late:1`,
        costUsd: "1",
        startedAt,
      },
    });
    const [added] = await sql(
      `SELECT (SUM("costUsd") + $2::numeric)::numeric(20, 8)::text AS cost, COUNT(*)::int AS attempts,
        SUM("tokensIn")::int AS "in"
        FROM "NodeRun" WHERE "runId" = $1 AND status <> 'running'`,
      runId,
      before.totals.costUsd,
    );

    const pending = await costsReport(ctxOf(ws), scope);
    expect(pending.totals).toMatchObject({
      costUsd: added!.cost,
      attempts: before.totals.attempts + (added!.attempts as number),
      tokensIn: before.totals.tokensIn + (added!.in as number),
      runs: before.totals.runs + 1,
    });
    expect(pending.byDay).toHaveLength(before.byDay.length + 1);

    expect(await rollUpNodeRuns(runId)).toBeGreaterThan(0);
    expect(await costsReport(ctxOf(ws), scope)).toEqual(pending);
  });
});
