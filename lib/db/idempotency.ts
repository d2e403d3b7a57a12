import { randomUUID } from "node:crypto";
import { getDb } from "./client";

/** What reserving an Idempotency-Key found: a fresh reservation, or the earlier request's record. */
export type IdempotencyReservation =
  | { status: "reserved"; id: string }
  | { status: "exists"; id: string; requestHash: string; runId: string | null };

/**
 * Reserves an Idempotency-Key of an API key for a request (one statement: a concurrent request
 * with the same key finds this reservation). An expired record is replaced.
 */
export async function reserveIdempotencyKey(data: {
  workspaceId: string;
  apiKeyId: string;
  key: string;
  requestHash: string;
  ttlMs: number;
}): Promise<IdempotencyReservation> {
  const db = getDb();
  await db.idempotencyRecord.deleteMany({
    where: { apiKeyId: data.apiKeyId, key: data.key, expiresAt: { lt: new Date() } },
  });
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "IdempotencyRecord" (id, "workspaceId", "apiKeyId", key, "requestHash", "expiresAt")
    VALUES (${randomUUID()}, ${data.workspaceId}, ${data.apiKeyId}, ${data.key}, ${data.requestHash},
      ${new Date(Date.now() + data.ttlMs)})
    ON CONFLICT ("apiKeyId", key) DO NOTHING
    RETURNING id`;
  if (inserted[0]) return { status: "reserved", id: inserted[0].id };
  const existing = await db.idempotencyRecord.findUnique({
    where: { apiKeyId_key: { apiKeyId: data.apiKeyId, key: data.key } },
    select: { id: true, requestHash: true, runId: true },
  });
  if (!existing) return reserveIdempotencyKey(data);
  return { status: "exists", ...existing };
}

/** Ties a reservation to the run its request created. */
export async function completeIdempotencyKey(id: string, runId: string): Promise<void> {
  await getDb().idempotencyRecord.update({ where: { id }, data: { runId } });
}

/** Drops a reservation whose request created no run (so a retry may try again). */
export async function releaseIdempotencyKey(id: string): Promise<void> {
  await getDb().idempotencyRecord.deleteMany({ where: { id, runId: null } });
}

/** The run of a reservation once its request created one. */
export async function idempotentRunId(id: string): Promise<string | null> {
  const row = await getDb().idempotencyRecord.findUnique({
    where: { id },
    select: { runId: true },
  });
  return row?.runId ?? null;
}

/** Deletes expired records; returns how many. */
export async function deleteExpiredIdempotencyKeys(now = new Date()): Promise<number> {
  const { count } = await getDb().idempotencyRecord.deleteMany({
    where: { expiresAt: { lt: now } },
  });
  return count;
}
