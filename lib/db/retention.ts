import { getDb } from "./client";

/**
 * Deletes the stored content of up to `limit` settled runs older than their workspace's retention
 * (prompts, inputs, outputs, error messages, the event log, decided review payloads) and marks
 * them purged, in one statement. Costs, tokens, latencies, statuses and rollups stay. Runs that
 * may still continue (queued, running, waiting) are left alone. Returns how many runs it purged.
 */
export async function purgeExpiredRunBatch(now: Date, limit: number): Promise<number> {
  const at = now.toISOString();
  const rows = await getDb().$queryRaw<{ purged: number }[]>`
    WITH batch AS (
      SELECT r.id FROM "Run" r JOIN "Workspace" w ON w.id = r."workspaceId"
      WHERE w."retentionDays" IS NOT NULL AND r."contentPurgedAt" IS NULL
        AND r.status IN ('succeeded', 'failed', 'cancelled')
        AND r."createdAt" < (${at}::timestamptz AT TIME ZONE 'UTC') - make_interval(days => w."retentionDays")
      ORDER BY r."createdAt"
      LIMIT ${limit}
      FOR UPDATE OF r SKIP LOCKED
    ), nodes AS (
      UPDATE "NodeRun" n SET "renderedPrompt" = NULL, input = NULL, output = NULL,
        error = CASE WHEN n.error IS NULL THEN NULL
          ELSE jsonb_build_object('code', n.error -> 'code') END
      FROM batch WHERE n."runId" = batch.id
    ), events AS (
      DELETE FROM "RunEvent" e USING batch WHERE e."runId" = batch.id
    ), tasks AS (
      UPDATE "HumanTask" t SET payload = 'null'::jsonb,
        decision = CASE WHEN t.decision IS NULL THEN NULL
          ELSE jsonb_build_object('action', t.decision -> 'action') END
      FROM batch WHERE t."runId" = batch.id AND t.status <> 'open'
    ), runs AS (
      UPDATE "Run" r SET input = 'null'::jsonb, output = NULL, error = NULL,
        "contentPurgedAt" = ${at}::timestamptz AT TIME ZONE 'UTC'
      FROM batch WHERE r.id = batch.id
      RETURNING r.id
    )
    SELECT COUNT(*)::int AS purged FROM runs`;
  return rows[0]?.purged ?? 0;
}

/** Stores a run's (masked) input in place of the one it was created with. */
export async function replaceRunInput(runId: string, input: unknown): Promise<void> {
  await getDb().run.update({
    where: { id: runId },
    data: { input: input ?? {} },
    select: { id: true },
  });
}
