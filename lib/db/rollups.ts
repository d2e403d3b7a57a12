import { Prisma } from "./generated/client";
import { rawExecute, rawRows } from "./raw-sql";

/**
 * Latency buckets grow by this factor: bucket `b` holds latencies in (GROWTH^(b-1), GROWTH^b] ms,
 * so a percentile read off the bucket counts is within 20 % of the exact one (10 % interpolated).
 */
export const LATENCY_BUCKET_GROWTH = 1.2;

/** The latency range in ms that bucket `b` covers (bucket 0 holds 0 and 1 ms). */
export function latencyBucketBounds(bucket: number): { lower: number; upper: number } {
  if (bucket <= 0) return { lower: 0, upper: 1 };
  return {
    lower: LATENCY_BUCKET_GROWTH ** (bucket - 1),
    upper: LATENCY_BUCKET_GROWTH ** bucket,
  };
}

/** A transaction to run in; without one, the statement goes straight to the driver (hot path). */
type Executor = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Adds a run's settled node runs (any status but running or waiting) that are not counted yet to
 * NodeRunRollup, and marks them counted in the same statement, so a run that settles twice (a
 * review pause, then the end) or a retried call never counts an attempt twice. Failed attempts
 * count: their tokens were paid for. Returns how many rollup rows it wrote (0: nothing was pending).
 */
export function rollUpNodeRuns(runId: string, db?: Executor): Promise<number> {
  return rollUpWhere(Prisma.sql`n."runId" = ${runId}`, db);
}

/** Rolls up the settled node runs of several runs in one statement (backfills and benchmarks). */
export function rollUpNodeRunsOf(runIds: string[], db?: Executor): Promise<number> {
  return rollUpWhere(Prisma.sql`n."runId" = ANY(${runIds})`, db);
}

/** Rolls up every settled node run not counted yet, whichever run it belongs to (the sweeper). */
export function rollUpPendingNodeRuns(db?: Executor): Promise<number> {
  return rollUpWhere(Prisma.sql`TRUE`, db);
}

/** NodeRunRollup's counted columns, in the order {@link rollupRowsOf} selects them. */
const ROLLUP_COLUMNS = Prisma.sql`"workspaceId", day, "flowId", "nodeId", "nodeType", provider, model,
  "latencyBucket", attempts, executed, failed, reviews, "cacheHits", "tokensIn", "tokensOut",
  "tokensCached", "costUsd", "costSavedUsd", "latencySumMs"`;

/** Node runs of `source` (with their run's `flowId`) counted as rollup rows. */
function rollupRowsOf(source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT "workspaceId", "startedAt"::date AS day, "flowId", "nodeId", "nodeType",
      COALESCE(provider, '') AS provider, COALESCE(model, '') AS model,
      CASE WHEN "latencyMs" IS NULL THEN -1
        ELSE CEIL(LN(GREATEST("latencyMs", 1)) / LN(${LATENCY_BUCKET_GROWTH}::float8))::int
      END AS "latencyBucket",
      COUNT(*) AS attempts,
      COUNT(*) FILTER (WHERE status <> 'skipped' AND source = 'executed') AS executed,
      COUNT(*) FILTER (WHERE status = 'failed') AS failed,
      COUNT(*) FILTER (WHERE "nodeType" = 'human-review' AND status <> 'skipped' AND source = 'executed')
        AS reviews,
      COUNT(*) FILTER (WHERE "cacheHit") AS "cacheHits",
      COALESCE(SUM("tokensIn"), 0) AS "tokensIn", COALESCE(SUM("tokensOut"), 0) AS "tokensOut",
      COALESCE(SUM("tokensCached"), 0) AS "tokensCached", COALESCE(SUM("costUsd"), 0) AS "costUsd",
      COALESCE(SUM("costSavedUsd"), 0) AS "costSavedUsd", COALESCE(SUM("latencyMs"), 0) AS "latencySumMs"
    FROM ${source} AS counted
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

/** Node runs a rollup counts: settled (not running or waiting) and not counted yet. */
const PENDING = Prisma.sql`NOT n."rolledUp" AND n.status NOT IN ('running', 'waiting')`;

/** The settled node runs of a workspace's UTC days `from` to `to` that no rollup counted yet. */
function pendingNodeRuns(workspaceId: string, from: string, to: string): Prisma.Sql {
  return Prisma.sql`
    SELECT n.*, r."flowId" FROM "NodeRun" n JOIN "Run" r ON r.id = n."runId"
    WHERE n."workspaceId" = ${workspaceId} AND ${PENDING}
      AND n."startedAt" >= ${from}::date::timestamp AND n."startedAt" < (${to}::date + 1)::timestamp`;
}

/**
 * A workspace's rollup rows for the UTC days `from` to `to`, as a subquery: NodeRunRollup plus the
 * settled node runs no rollup has counted yet (found by the partial index NodeRun_pending_rollup_idx),
 * counted the same way. A rollup moves node runs from one side to the other in one statement, so
 * a reader counts each of them once and sees a run's costs as soon as it settles. When none is
 * pending (the usual case between settles) the subquery is NodeRunRollup alone, which PostgreSQL
 * scans in parallel (bench:dashboard: the union costs up to twice as much).
 */
export async function spendRows(
  workspaceId: string,
  from: string,
  to: string,
): Promise<Prisma.Sql> {
  const rollups = Prisma.sql`SELECT ${ROLLUP_COLUMNS} FROM "NodeRunRollup"
    WHERE "workspaceId" = ${workspaceId} AND day BETWEEN ${from}::date AND ${to}::date`;
  const pending = pendingNodeRuns(workspaceId, from, to);
  const [found] = await rawRows<{ any: boolean }>(Prisma.sql`SELECT EXISTS (${pending}) AS any`);
  if (!found?.any) return Prisma.sql`(${rollups})`;
  return Prisma.sql`(${rollups} UNION ALL ${rollupRowsOf(Prisma.sql`(${pending})`)})`;
}

/**
 * Safe to run concurrently (settles of many runs, the sweeper): node runs another statement is
 * rolling up are skipped, not waited for (SKIP LOCKED; that statement counts them), and rollup
 * rows are upserted in key order, so two statements lock them in the same order and never
 * deadlock each other.
 */
function rollUpWhere(runs: Prisma.Sql, db?: Executor): Promise<number> {
  const statement = Prisma.sql`
    WITH picked AS (
      SELECT n.id, r."flowId" FROM "NodeRun" n JOIN "Run" r ON r.id = n."runId"
      WHERE ${runs} AND ${PENDING}
      FOR NO KEY UPDATE OF n SKIP LOCKED
    ), done AS (
      UPDATE "NodeRun" n SET "rolledUp" = true
      FROM picked p
      WHERE n.id = p.id
      RETURNING n.*, p."flowId"
    )
    INSERT INTO "NodeRunRollup" AS t (${ROLLUP_COLUMNS})
    ${rollupRowsOf(Prisma.sql`done`)}
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("workspaceId", day, "flowId", "nodeId", "nodeType", provider, model, "latencyBucket")
    DO UPDATE SET
      attempts = t.attempts + EXCLUDED.attempts,
      executed = t.executed + EXCLUDED.executed,
      failed = t.failed + EXCLUDED.failed,
      reviews = t.reviews + EXCLUDED.reviews,
      "cacheHits" = t."cacheHits" + EXCLUDED."cacheHits",
      "tokensIn" = t."tokensIn" + EXCLUDED."tokensIn",
      "tokensOut" = t."tokensOut" + EXCLUDED."tokensOut",
      "tokensCached" = t."tokensCached" + EXCLUDED."tokensCached",
      "costUsd" = t."costUsd" + EXCLUDED."costUsd",
      "costSavedUsd" = t."costSavedUsd" + EXCLUDED."costSavedUsd",
      "latencySumMs" = t."latencySumMs" + EXCLUDED."latencySumMs"`;
  return db ? db.$executeRaw(statement) : rawExecute(statement);
}
