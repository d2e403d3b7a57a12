import { Prisma } from "./generated/client";
import { rawExecute, rawRows } from "./raw-sql";

/** Who executes a run and until when: the owner's token fences every write that settles it. */
export interface RunLease {
  owner: string;
  token: string;
  ms: number;
}

const expiry = (ms: number) => Prisma.sql`now() + ${ms} * interval '1 millisecond'`;

/** The SET list that makes a run running under `lease` (its first start time kept). */
const runningUnder = (lease: RunLease, run = Prisma.sql`"Run"`) => Prisma.sql`status = 'running',
  "startedAt" = COALESCE(${run}."startedAt", now()), "leaseOwner" = ${lease.owner},
  "leaseToken" = ${lease.token}, "leaseExpiresAt" = ${expiry(lease.ms)}`;

/** Takes a run over whoever held it (embedded mode: this process is its only executor). */
export async function markRunRunning(runId: string, lease: RunLease): Promise<void> {
  await rawExecute(Prisma.sql`
    UPDATE "Run" SET ${runningUnder(lease)} WHERE id = ${runId}`);
}

/** A run a worker claimed: whether this is its first start, and its workspace's PII setting. */
export interface ClaimedRun {
  firstStart: boolean;
  maskPii: boolean;
}

/**
 * Claims a run for a worker: only a queued run, one paused for a person (its decision is in), or a
 * running one whose lease expired. Concurrent claims of one run (a job delivered twice) serialize
 * on its row and exactly one wins; null when this claim lost. A first start (the run never started
 * before) has nothing earlier to resume from.
 */
export async function claimRun(runId: string, lease: RunLease): Promise<ClaimedRun | null> {
  const rows = await rawRows<ClaimedRun>(Prisma.sql`
    WITH before AS (SELECT id, "startedAt" FROM "Run" WHERE id = ${runId} FOR UPDATE)
    UPDATE "Run" r SET ${runningUnder(lease, Prisma.sql`r`)}
    FROM before b
    WHERE r.id = b.id AND (r.status IN ('queued', 'waiting')
      OR (r.status = 'running' AND (r."leaseExpiresAt" IS NULL OR r."leaseExpiresAt" < now())))
    RETURNING b."startedAt" IS NULL AS "firstStart",
      COALESCE((SELECT w."maskPii" FROM "Workspace" w WHERE w.id = r."workspaceId"), false) AS "maskPii"`);
  return rows[0] ?? null;
}

/** Extends a lease its holder still has; false when it was lost (expired and claimed, or the run was cancelled). */
export async function renewRunLease(runId: string, lease: RunLease): Promise<boolean> {
  const rows = await rawRows<{ id: string }>(Prisma.sql`
    UPDATE "Run" SET "leaseExpiresAt" = ${expiry(lease.ms)}
    WHERE id = ${runId} AND "leaseToken" = ${lease.token} AND status = 'running'
    RETURNING id`);
  return rows.length > 0;
}

/** Hands a run back to the queue (a worker shutting down): queued again, its lease dropped. */
export async function releaseRunLease(runId: string, token: string): Promise<void> {
  await rawExecute(Prisma.sql`
    UPDATE "Run" SET status = 'queued', "leaseOwner" = NULL, "leaseToken" = NULL, "leaseExpiresAt" = NULL
    WHERE id = ${runId} AND "leaseToken" = ${token} AND status = 'running'`);
}

/** A run no one executes: `leaseExpiredAt` is set when its lease expired, null when it sat queued. */
export interface OrphanedRun {
  id: string;
  leaseExpiredAt: Date | null;
}

/**
 * Runs no one executes: running with an expired lease, or queued for longer than `queuedMs` (their
 * job was lost, say with Redis). Oldest first, at most `limit`.
 */
export function listOrphanedRuns(queuedMs: number, limit = 500): Promise<OrphanedRun[]> {
  return rawRows<OrphanedRun>(Prisma.sql`
    SELECT id, CASE WHEN status = 'running' THEN "leaseExpiresAt" END AS "leaseExpiredAt"
    FROM "Run"
    WHERE (status = 'running' AND "leaseExpiresAt" < now())
      OR (status = 'queued' AND "createdAt" < now() - ${queuedMs} * interval '1 millisecond')
    ORDER BY "createdAt" LIMIT ${limit}`);
}
