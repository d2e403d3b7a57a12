import { Prisma } from "./generated/client";
import { getDb } from "./client";
import { spendRows } from "./rollups";

/** Which spend a costs query covers: one workspace, inclusive UTC days, optionally one flow. */
export interface CostsScope {
  workspaceId: string;
  from: string;
  to: string;
  flowId?: string | null;
}

/** A keyset page: rows after `after` in key order, at most `limit` of them. */
export interface KeysetPage {
  after: string | null;
  limit: number;
}

type Raw = { [column: string]: unknown };
type Count = bigint | number | null;

const num = (value: Count): number => (value === null ? 0 : Number(value));
const rate = (part: Count, whole: Count): number | null =>
  num(whole) === 0 ? null : num(part) / num(whole);

/** The scope's rollup rows, settled node runs not rolled up yet included, as `u`. */
async function scopeRows(s: CostsScope): Promise<Prisma.Sql> {
  const flow = s.flowId ? Prisma.sql` WHERE "flowId" = ${s.flowId}` : Prisma.empty;
  const spend = await spendRows(s.workspaceId, s.from, s.to);
  return Prisma.sql`(SELECT * FROM ${spend} AS spend${flow}) AS u`;
}

// Token sums (bigint) and the cost summed as exact decimal text.
const SUMS = Prisma.sql`COALESCE(SUM("tokensIn"), 0)::bigint AS "tokensIn",
  COALESCE(SUM("tokensOut"), 0)::bigint AS "tokensOut",
  COALESCE(SUM("tokensCached"), 0)::bigint AS "tokensCached",
  COALESCE(SUM("costUsd"), 0)::numeric(20, 8)::text AS "costUsd"`;

const tokens = (row: Raw) => ({
  tokensIn: num(row.tokensIn as Count),
  tokensOut: num(row.tokensOut as Count),
  tokensCached: num(row.tokensCached as Count),
});

/** Totals of a scope with its runs, good runs and cost per good output, in one statement. */
export async function costTotals(s: CostsScope) {
  const u = await scopeRows(s);
  const runFlow = s.flowId ? Prisma.sql` AND "flowId" = ${s.flowId}` : Prisma.empty;
  const [row] = await getDb().$queryRaw<Raw[]>`
    WITH t AS (
      SELECT ${SUMS}, COALESCE(SUM("costUsd"), 0) AS cost,
        COALESCE(SUM("costSavedUsd"), 0)::numeric(20, 8)::text AS "costSavedUsd",
        COALESCE(SUM(attempts), 0)::bigint AS attempts,
        COALESCE(SUM(executed), 0)::bigint AS executed,
        COALESCE(SUM(failed), 0)::bigint AS failed
      FROM ${u}
    ), r AS (
      SELECT COUNT(*) AS runs,
        COUNT(*) FILTER (WHERE status = 'succeeded' AND rating IS DISTINCT FROM 'bad') AS good
      FROM "Run"
      WHERE "workspaceId" = ${s.workspaceId} AND "createdAt" >= ${s.from}::date::timestamp
        AND "createdAt" < (${s.to}::date + 1)::timestamp${runFlow}
    )
    SELECT t.*, r.runs, r.good, ROUND(t.cost / NULLIF(r.good, 0), 8)::text AS "perGood"
    FROM t, r`;
  const r = row!;
  return {
    ...tokens(r),
    costUsd: r.costUsd as string,
    costSavedUsd: r.costSavedUsd as string,
    attempts: num(r.attempts as Count),
    executed: num(r.executed as Count),
    failed: num(r.failed as Count),
    runs: num(r.runs as Count),
    goodRuns: num(r.good as Count),
    costPerGoodOutputUsd: (r.perGood as string | null) ?? null,
  };
}

/** Spend per UTC day with activity, in day order; `page` reads a slice after a day. */
export async function costsByDay(s: CostsScope, page?: KeysetPage) {
  const u = await scopeRows(s);
  const after = page?.after ? Prisma.sql` WHERE day > ${page.after}::date` : Prisma.empty;
  const limit = page ? Prisma.sql`LIMIT ${page.limit}` : Prisma.empty;
  const rows = await getDb().$queryRaw<Raw[]>`
    SELECT day::text AS day, ${SUMS} FROM ${u}${after}
    GROUP BY day ORDER BY day ${limit}`;
  return rows.map((r) => ({ day: r.day as string, costUsd: r.costUsd as string, ...tokens(r) }));
}

/** Spend per flow, most expensive first, with the flow's name (or "Deleted flow"). */
export async function costsByFlow(s: CostsScope) {
  const u = await scopeRows(s);
  const rows = await getDb().$queryRaw<Raw[]>`
    WITH g AS (
      SELECT "flowId", ${SUMS}, SUM(attempts)::bigint AS attempts, SUM("costUsd") AS cost
      FROM ${u} GROUP BY "flowId"
    )
    SELECT g.*, f.name AS "flowName" FROM g
    LEFT JOIN "Flow" f ON f.id = g."flowId" AND f."workspaceId" = ${s.workspaceId}
    ORDER BY g.cost DESC, g."flowId"`;
  return rows.map((r) => ({
    flowId: r.flowId as string,
    flowName: (r.flowName as string | null) ?? "Deleted flow",
    costUsd: r.costUsd as string,
    attempts: num(r.attempts as Count),
    ...tokens(r),
  }));
}

/** Spend per provider and model (nodes that call no model left out), most expensive first. */
export async function costsByModel(s: CostsScope) {
  const u = await scopeRows(s);
  const rows = await getDb().$queryRaw<Raw[]>`
    SELECT provider, model, ${SUMS}, SUM(executed)::bigint AS calls
    FROM ${u} WHERE (provider <> '' OR model <> '')
    GROUP BY provider, model ORDER BY SUM("costUsd") DESC, provider, model`;
  return rows.map((r) => ({
    provider: r.provider as string,
    model: r.model as string,
    costUsd: r.costUsd as string,
    calls: num(r.calls as Count),
    ...tokens(r),
  }));
}

/**
 * Spend, reliability and latency per node of each flow, most expensive first. Percentiles are
 * read off the latency bucket counts: the cumulative count (a window over the buckets in order)
 * finds the bucket holding the rank, interpolated linearly between the bucket's bounds.
 */
export async function costsByNode(s: CostsScope) {
  const u = await scopeRows(s);
  const rows = await getDb().$queryRaw<Raw[]>`
    WITH g AS (
      SELECT "flowId", "nodeId", "nodeType", ${SUMS}, SUM("costUsd") AS cost,
        SUM(attempts)::bigint AS attempts, SUM(executed)::bigint AS executed,
        SUM(failed)::bigint AS failed, SUM(reviews)::bigint AS reviews,
        SUM("latencySumMs")::float8 / NULLIF(SUM(attempts) FILTER (WHERE "latencyBucket" >= 0), 0)
          AS "latencyAvg"
      FROM ${u} GROUP BY 1, 2, 3
    ), buckets AS (
      SELECT "flowId", "nodeId", "nodeType", "latencyBucket" AS b, SUM(attempts) AS attempts
      FROM ${u} WHERE "latencyBucket" >= 0 GROUP BY 1, 2, 3, 4
    ), cumulative AS (
      SELECT "flowId", "nodeId", "nodeType", b, attempts::float8 AS n,
        SUM(attempts) OVER (PARTITION BY "flowId", "nodeId", "nodeType" ORDER BY b)::float8 AS cum,
        SUM(attempts) OVER (PARTITION BY "flowId", "nodeId", "nodeType")::float8 AS total
      FROM buckets
    ), pct AS (
      SELECT "flowId", "nodeId", "nodeType", p,
        lo + (hi - lo) * (p * total - (cum - n)) / n AS ms
      FROM cumulative
      CROSS JOIN LATERAL (SELECT CASE WHEN b <= 0 THEN 0 ELSE power(1.2::float8, b - 1) END AS lo,
        CASE WHEN b <= 0 THEN 1 ELSE power(1.2::float8, b) END AS hi) bounds
      CROSS JOIN unnest(ARRAY[0.5, 0.95, 0.99]::float8[]) AS p
      WHERE cum >= p * total AND cum - n < p * total
    ), pv AS (
      SELECT "flowId", "nodeId", "nodeType", MAX(ms) FILTER (WHERE p = 0.5) AS p50,
        MAX(ms) FILTER (WHERE p = 0.95) AS p95, MAX(ms) FILTER (WHERE p = 0.99) AS p99
      FROM pct GROUP BY 1, 2, 3
    ), labels AS (
      SELECT DISTINCT ON (f.id, e->>'id') f.id AS "flowId", e->>'id' AS "nodeId", e->>'label' AS label
      FROM "Flow" f
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.graph->'nodes') = 'array'
        THEN f.graph->'nodes' ELSE '[]'::jsonb END) e
      WHERE f."workspaceId" = ${s.workspaceId} AND f.id IN (SELECT "flowId" FROM g)
    )
    SELECT g.*, f.name AS "flowName", l.label, pv.p50, pv.p95, pv.p99
    FROM g
    LEFT JOIN "Flow" f ON f.id = g."flowId" AND f."workspaceId" = ${s.workspaceId}
    LEFT JOIN labels l ON l."flowId" = g."flowId" AND l."nodeId" = g."nodeId"
    LEFT JOIN pv ON (pv."flowId", pv."nodeId", pv."nodeType") = (g."flowId", g."nodeId", g."nodeType")
    ORDER BY g.cost DESC, g."flowId", g."nodeId", g."nodeType"`;
  return rows.map((r) => {
    const reviewNode = r.nodeType === "human-review";
    return {
      flowId: r.flowId as string,
      flowName: (r.flowName as string | null) ?? "Deleted flow",
      nodeId: r.nodeId as string,
      nodeType: r.nodeType as string,
      nodeLabel: (r.label as string | null) || (r.nodeId as string),
      costUsd: r.costUsd as string,
      ...tokens(r),
      executed: num(r.executed as Count),
      failed: num(r.failed as Count),
      errorRate: rate(r.failed as Count, r.executed as Count),
      reviews: num(r.reviews as Count),
      reviewRate: reviewNode ? rate(r.reviews as Count, r.attempts as Count) : null,
      latencyMs: {
        avg: (r.latencyAvg as number | null) ?? null,
        p50: (r.p50 as number | null) ?? null,
        p95: (r.p95 as number | null) ?? null,
        p99: (r.p99 as number | null) ?? null,
      },
    };
  });
}
