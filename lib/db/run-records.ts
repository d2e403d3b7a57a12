import { randomUUID } from "node:crypto";
import { Prisma } from "./generated/client.ts";
import { getDb } from "./client";
import { jsonText, jsonValue } from "./json";
import { rawRows } from "./raw-sql";
import type { AttemptKey, AttemptOutcome } from "./node-runs";

/**
 * One attempt's pending writes: started, finished, or both (coalesced into one row write), with
 * when each happened (a write may come later; without a time, the write's own).
 */
export interface AttemptRecord {
  key: AttemptKey;
  input?: unknown;
  started: boolean;
  startedAt?: Date;
  outcome?: AttemptOutcome;
  finishedAt?: Date;
}

/** Everything a run recorded since the last flush, written in one transaction. */
export interface RunRecordBatch {
  workspaceId: string;
  runId: string;
  attempts: AttemptRecord[];
  events: { seq: number; type: string; data: unknown }[];
  humanTasks: { nodeId: string; payload: unknown }[];
  /**
   * The writer's lease on the run: once another process holds the run, this writer's events are
   * dropped and its attempts overwrite no row (a worker that lost its lease cannot rewrite what
   * the run's new holder recorded). Without one, records are written unfenced.
   */
  leaseToken?: string;
}

function attemptRow(record: AttemptRecord, now: Date): Prisma.Sql {
  const { key, outcome: o } = record;
  const status = o?.status ?? "running";
  return Prisma.sql`(${randomUUID()}, ${key.workspaceId}, ${key.runId}, ${key.nodeId}, ${key.nodeType}, ${key.attempt},
    ${status}::"NodeRunStatus", ${o?.source ?? "executed"}::"NodeRunSource",
    ${`${key.runId}:${key.nodeId}:${key.attempt}`}, ${jsonText(record.input)}::jsonb,
    ${jsonText(o?.output)}::jsonb, ${jsonText(o?.error)}::jsonb, ${o?.renderedPrompt ?? null}, ${o?.promptVersionId ?? null},
    ${o?.provider ?? null}, ${o?.model ?? null}, ${o?.tier ?? null}, ${o?.tokensIn ?? 0}, ${o?.tokensOut ?? 0},
    ${o?.tokensCached ?? 0}, ${o?.costUsd ?? 0}, ${o?.costSavedUsd ?? 0}, ${o?.latencyMs ?? null}, ${o?.cacheHit ?? false},
    ${o?.final ?? true}, ${record.startedAt ?? now}, ${o ? (record.finishedAt ?? now) : null})`;
}

/**
 * The statement parts writing batches of one or more runs, as CTEs: `attempts` upserts each attempt
 * as one row keyed by its idempotency key (start and finish coalesced; a finish for a row started
 * earlier keeps its input and start time; a restart after a crash resets the row to running) and
 * returns each row's key and usage; `events` inserts the events. A run has at most one batch in a
 * statement, so no key repeats in it. Null parts have nothing to write.
 */
export function recordCtes(batches: RunRecordBatch[]): {
  attempts: Prisma.Sql | null;
  events: Prisma.Sql | null;
} {
  const now = new Date();
  const attempts = batches.flatMap((batch) => batch.attempts);
  const events = batches.flatMap((batch) =>
    batch.events.map(
      (e) =>
        Prisma.sql`(${batch.workspaceId}::text, ${batch.runId}::text, ${e.seq}::int, ${e.type}::text,
          ${JSON.stringify(e.data ?? {})}::jsonb)`,
    ),
  );
  const held = leaseHeld(batches);
  return {
    attempts:
      attempts.length === 0
        ? null
        : Prisma.sql`attempts AS (
      INSERT INTO "NodeRun" (id, "workspaceId", "runId", "nodeId", "nodeType", attempt, status, source,
        "idempotencyKey", input, output, error, "renderedPrompt", "promptVersionId", provider, model, tier,
        "tokensIn", "tokensOut", "tokensCached", "costUsd", "costSavedUsd", "latencyMs", "cacheHit", final, "startedAt", "finishedAt")
      VALUES ${Prisma.join(attempts.map((a) => attemptRow(a, now)))}
      ON CONFLICT ("idempotencyKey") DO UPDATE SET
        status = EXCLUDED.status, source = EXCLUDED.source, input = COALESCE(EXCLUDED.input, "NodeRun".input),
        output = EXCLUDED.output, error = EXCLUDED.error, "renderedPrompt" = EXCLUDED."renderedPrompt", "promptVersionId" = EXCLUDED."promptVersionId",
        provider = EXCLUDED.provider, model = EXCLUDED.model, tier = EXCLUDED.tier, "tokensIn" = EXCLUDED."tokensIn",
        "tokensOut" = EXCLUDED."tokensOut", "tokensCached" = EXCLUDED."tokensCached", "costUsd" = EXCLUDED."costUsd",
        "costSavedUsd" = EXCLUDED."costSavedUsd", "latencyMs" = EXCLUDED."latencyMs", "cacheHit" = EXCLUDED."cacheHit",
        final = EXCLUDED.final, "finishedAt" = EXCLUDED."finishedAt",
        "startedAt" = CASE WHEN EXCLUDED.status = 'running' THEN EXCLUDED."startedAt" ELSE "NodeRun"."startedAt" END
      WHERE ${held(Prisma.sql`EXCLUDED."runId"`)}
      RETURNING "idempotencyKey", "tokensIn", "tokensOut", "tokensCached", "costUsd")`,
    events:
      events.length === 0
        ? null
        : Prisma.sql`events AS (
      INSERT INTO "RunEvent" ("workspaceId", "runId", seq, type, data)
      SELECT * FROM (VALUES ${Prisma.join(events)}) AS e("workspaceId", "runId", seq, type, data)
      WHERE ${held(Prisma.sql`e."runId"`)}
      ON CONFLICT ("runId", seq) DO NOTHING RETURNING 1)`,
  };
}

/**
 * A SQL condition on a run id: its run is still held under one of the batches' lease tokens (a
 * token belongs to one run's lease), or true when the batches carry none.
 */
function leaseHeld(batches: RunRecordBatch[]): (runId: Prisma.Sql) => Prisma.Sql {
  const tokens = batches.flatMap((batch) => (batch.leaseToken ? [batch.leaseToken] : []));
  if (tokens.length === 0) return () => Prisma.sql`TRUE`;
  return (runId) => Prisma.sql`EXISTS (SELECT 1 FROM "Run" fence
    WHERE fence.id = ${runId} AND fence."leaseToken" IN (${Prisma.join(tokens)}))`;
}

/** One statement writing the batches ({@link recordCtes}), or null when there is nothing to write. */
function recordsStatement(batches: RunRecordBatch[]): Prisma.Sql | null {
  const { attempts, events } = recordCtes(batches);
  const parts = [attempts, events].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return Prisma.sql`WITH ${Prisma.join(parts, ", ")} SELECT 1`;
}

/**
 * Writes the pending records of several runs (none with review tasks) in one statement, so runs
 * settling at once share it (group commit; lib/server/group-writer.ts).
 */
export async function writeManyRunRecords(batches: RunRecordBatch[]): Promise<void> {
  if (batches.some((batch) => batch.humanTasks.length > 0))
    throw new Error("review tasks are written with writeRunRecords");
  const statement = recordsStatement(batches);
  if (statement) await rawRows(statement);
}

/** Writes a run's pending records atomically and durably: one statement, or one transaction with review tasks. */
export async function writeRunRecords(batch: RunRecordBatch): Promise<void> {
  const statement = recordsStatement([batch]);
  if (batch.humanTasks.length === 0) {
    if (statement) await rawRows(statement);
    return;
  }
  await getDb().$transaction(async (tx) => {
    if (statement) await tx.$queryRaw(statement);
    for (const task of batch.humanTasks) {
      await tx.humanTask.upsert({
        where: { runId_nodeId: { runId: batch.runId, nodeId: task.nodeId } },
        create: {
          workspaceId: batch.workspaceId,
          runId: batch.runId,
          nodeId: task.nodeId,
          payload: jsonValue(task.payload),
        },
        update: {},
        select: { id: true },
      });
    }
  });
}
