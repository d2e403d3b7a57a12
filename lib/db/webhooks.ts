import { getDb } from "./client";

/** A callback due for an attempt, claimed by this process. */
export interface WebhookDeliveryRecord {
  id: string;
  workspaceId: string;
  runId: string;
  apiKeyId: string;
  url: string;
  attempts: number;
}

/** Records that the run's settled state goes to `url` once it settles. */
export async function createWebhookDelivery(data: {
  workspaceId: string;
  runId: string;
  apiKeyId: string;
  url: string;
}): Promise<void> {
  await getDb().webhookDelivery.create({ data });
}

/**
 * Claims pending callbacks whose run has finished and whose next attempt is due (of one run when
 * given): each claimed row counts the attempt and is hidden from other claimers for `leaseMs`
 * (SKIP LOCKED, so processes sharing PostgreSQL never send one twice at a time).
 */
export function claimDueWebhooks(
  limit: number,
  leaseMs: number,
  runId: string | null = null,
): Promise<WebhookDeliveryRecord[]> {
  return getDb().$queryRaw<WebhookDeliveryRecord[]>`
    UPDATE "WebhookDelivery" w SET attempts = w.attempts + 1,
      "nextAttemptAt" = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
    WHERE w.id IN (
      SELECT d.id FROM "WebhookDelivery" d JOIN "Run" r ON r.id = d."runId"
      WHERE d.status = 'pending' AND d."nextAttemptAt" <= now()
        AND r.status IN ('succeeded', 'failed', 'cancelled')
        AND (${runId}::text IS NULL OR d."runId" = ${runId}::text)
      ORDER BY d."nextAttemptAt" LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    RETURNING w.id, w."workspaceId", w."runId", w."apiKeyId", w.url, w.attempts`;
}

/** Records the outcome of an attempt: delivered, retry at `retryAt`, or given up (failed). */
export async function recordWebhookAttempt(
  id: string,
  outcome: {
    delivered: boolean;
    status: number | null;
    error: string | null;
    retryAt: Date | null;
  },
): Promise<void> {
  await getDb().webhookDelivery.update({
    where: { id },
    data: {
      status: outcome.delivered ? "delivered" : outcome.retryAt ? "pending" : "failed",
      lastStatus: outcome.status,
      lastError: outcome.error?.slice(0, 1_000) ?? null,
      ...(outcome.delivered ? { deliveredAt: new Date() } : {}),
      ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt } : {}),
    },
  });
}

/** The callbacks of a run, oldest first (for tests and support). */
export function listWebhookDeliveries(runId: string) {
  return getDb().webhookDelivery.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });
}
