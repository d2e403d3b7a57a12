import { getDb } from "@/lib/db/client";
import { rollUpNodeRunsOf } from "@/lib/db/rollups";

/** The seeded workspace. */
export const BENCH_WORKSPACE = "bench-ws";
/** Flows, nodes per flow and days the seeded node runs spread over. */
export const SEED_SHAPE = { flows: 20, nodesPerFlow: 8, days: 90 };

// Node k of every flow: its type and whether it calls a model (with its typical latency in ms).
const NODES = `(VALUES (0, 'input', false, 1), (1, 'classifier', true, 400), (2, 'http', false, 120),
  (3, 'llm', true, 1500), (4, 'validator', true, 600), (5, 'human-review', false, 0),
  (6, 'template', false, 2), (7, 'output', false, 1)) AS k(k, type, llm, typical)`;
const MODELS = `ARRAY['openai/gpt-4o-mini', 'openai/gpt-4o', 'anthropic/claude-3-5-haiku',
  'anthropic/claude-sonnet-4', 'simulated/sim-small']`;

const SEED_SQL = (runs: number) => [
  `INSERT INTO "Workspace" (id, name, "updatedAt") VALUES ('${BENCH_WORKSPACE}', 'Bench', now())`,
  `INSERT INTO "Flow" (id, "workspaceId", name, graph, "updatedAt")
   SELECT 'flow-' || f, '${BENCH_WORKSPACE}', 'Flow ' || f,
     jsonb_build_object('nodes', (SELECT jsonb_agg(jsonb_build_object('id', 'n' || k,
       'type', type, 'label', initcap(type) || ' ' || k)) FROM ${NODES}), 'edges', '[]'::jsonb), now()
   FROM generate_series(1, ${SEED_SHAPE.flows}) f`,
  // Runs spread over the last 90 days; 6 % fail, 4 % of the rest are rated bad.
  `INSERT INTO "Run" (id, "workspaceId", "flowId", trigger, status, input, rating, "createdAt")
   SELECT 'run-' || i, '${BENCH_WORKSPACE}', 'flow-' || (1 + i % ${SEED_SHAPE.flows}), 'api',
     (CASE WHEN random() < 0.06 THEN 'failed' ELSE 'succeeded' END)::"RunStatus", '{}'::jsonb,
     CASE WHEN random() < 0.04 THEN 'bad' END,
     date_trunc('day', now()) - random() * interval '${SEED_SHAPE.days} days'
   FROM generate_series(1, ${runs}) i`,
  // Each run's node runs: model nodes use their flow's model (5 % a fallback), log-normal
  // latencies around the node's typical one, 2 % of model calls fail, half the reviews skip.
  `INSERT INTO "NodeRun" (id, "workspaceId", "runId", "nodeId", "nodeType", status,
     "idempotencyKey", provider, model, "tokensIn", "tokensOut", "tokensCached", "costUsd",
     "latencyMs", "cacheHit", "rolledUp", "startedAt")
   SELECT r.id || ':n' || k.k, r."workspaceId", r.id, 'n' || k.k, k.type,
     (CASE WHEN k.llm AND x.u < 0.02 THEN 'failed' WHEN k.type = 'human-review' AND x.u < 0.5
       THEN 'skipped' ELSE 'succeeded' END)::"NodeRunStatus",
     r.id || ':n' || k.k || ':1',
     CASE WHEN k.llm THEN split_part(x.m, '/', 1) END, CASE WHEN k.llm THEN split_part(x.m, '/', 2) END,
     CASE WHEN k.llm THEN x.tin ELSE 0 END, CASE WHEN k.llm THEN x.tin / 5 ELSE 0 END,
     CASE WHEN k.llm AND x.u > 0.7 THEN x.tin / 2 ELSE 0 END,
     CASE WHEN k.llm THEN round(x.tin * 0.0000025, 8) ELSE 0 END,
     CASE WHEN k.type = 'human-review' AND x.u < 0.5 THEN NULL
       ELSE GREATEST(0, round(k.typical * exp(0.5 * x.z)))::int END,
     k.llm AND x.u > 0.95, false, r."createdAt" + k.k * interval '2 seconds'
   FROM "Run" r CROSS JOIN ${NODES}
   CROSS JOIN LATERAL (SELECT random() AS u, 200 + (random() * 1800)::int AS tin,
     sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z,
     (${MODELS})[1 + (abs(hashtext(r."flowId" || k.k)) + (random() < 0.05)::int) % 5] AS m) x
   WHERE r."workspaceId" = '${BENCH_WORKSPACE}'`,
];

/** Seeds `nodeRuns` node runs (8 per run) with set-based SQL; returns the number of runs. */
export async function seedNodeRuns(nodeRuns: number): Promise<number> {
  const runs = Math.ceil(nodeRuns / SEED_SHAPE.nodesPerFlow);
  for (const statement of SEED_SQL(runs)) await getDb().$executeRawUnsafe(statement);
  return runs;
}

/** Fills NodeRunRollup with the production rollup statement, `batch` runs at a time. */
export async function rollUpAll(batch: number, onProgress: (done: number) => void): Promise<void> {
  let after = "";
  let done = 0;
  for (;;) {
    const ids = await getDb().$queryRaw<{ id: string }[]>`
      SELECT id FROM "Run" WHERE id > ${after} ORDER BY id LIMIT ${batch}`;
    if (ids.length === 0) return;
    await rollUpNodeRunsOf(ids.map((r) => r.id));
    after = ids.at(-1)!.id;
    done += ids.length;
    onProgress(done);
  }
}
