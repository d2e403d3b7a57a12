import { Prisma } from "./generated/client";
import { rawExecute } from "./raw-sql";

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

/**
 * Safe to run concurrently (settles of many runs, the sweeper): node runs another statement is
 * rolling up are skipped, not waited for (SKIP LOCKED; that statement counts them), and rollup
 * rows are upserted in key order (the ORDER BY), so two statements lock them in the same order
 * and never deadlock each other.
 */
function rollUpWhere(runs: Prisma.Sql, db?: Executor): Promise<number> {
  const statement = Prisma.sql`
    WITH picked AS (
      SELECT n.id, r."flowId" FROM "NodeRun" n JOIN "Run" r ON r.id = n."runId"
      WHERE ${runs} AND NOT n."rolledUp" AND n.status NOT IN ('running', 'waiting')
      FOR NO KEY UPDATE OF n SKIP LOCKED
    ), done AS (
      UPDATE "NodeRun" n SET "rolledUp" = true
      FROM picked p
      WHERE n.id = p.id
      RETURNING n."workspaceId", p."flowId", n."nodeId", n."nodeType", n.provider, n.model,
        n.status, n.source, n."cacheHit", n."tokensIn", n."tokensOut", n."tokensCached",
        n."costUsd", n."costSavedUsd", n."latencyMs", n."startedAt"
    )
    INSERT INTO "NodeRunRollup" AS t ("workspaceId", day, "flowId", "nodeId", "nodeType", provider,
      model, "latencyBucket", attempts, executed, failed, reviews, "cacheHits", "tokensIn",
      "tokensOut", "tokensCached", "costUsd", "costSavedUsd", "latencySumMs")
    SELECT "workspaceId", "startedAt"::date, "flowId", "nodeId", "nodeType", COALESCE(provider, ''),
      COALESCE(model, ''),
      CASE WHEN "latencyMs" IS NULL THEN -1
        ELSE CEIL(LN(GREATEST("latencyMs", 1)) / LN(${LATENCY_BUCKET_GROWTH}::float8))::int END,
      COUNT(*),
      COUNT(*) FILTER (WHERE status <> 'skipped' AND source = 'executed'),
      COUNT(*) FILTER (WHERE status = 'failed'),
      COUNT(*) FILTER (WHERE "nodeType" = 'human-review' AND status <> 'skipped' AND source = 'executed'),
      COUNT(*) FILTER (WHERE "cacheHit"),
      COALESCE(SUM("tokensIn"), 0), COALESCE(SUM("tokensOut"), 0), COALESCE(SUM("tokensCached"), 0),
      COALESCE(SUM("costUsd"), 0), COALESCE(SUM("costSavedUsd"), 0), COALESCE(SUM("latencyMs"), 0)
    FROM done
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
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
