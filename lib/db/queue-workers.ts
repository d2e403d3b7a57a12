import { getDb } from "./client";
import { Prisma } from "./generated/client";
import { rawRows } from "./raw-sql";

/** A worker's heartbeat: who it is and how busy. */
export interface WorkerHeartbeat {
  id: string;
  host: string;
  pid: number;
  concurrency: number;
  inFlight: number;
}

/** A worker as the System page lists it. */
export interface QueueWorkerRecord extends WorkerHeartbeat {
  startedAt: Date;
  lastHeartbeatAt: Date;
}

/** Workers silent this long are dropped from the list (they died without saying goodbye). */
const FORGET_AFTER_MS = 60 * 60_000;

/** Records a worker's heartbeat (the first one registers it). */
export async function recordWorkerHeartbeat(beat: WorkerHeartbeat): Promise<void> {
  await getDb().queueWorker.upsert({
    where: { id: beat.id },
    create: beat,
    update: { inFlight: beat.inFlight, concurrency: beat.concurrency, lastHeartbeatAt: new Date() },
  });
}

/** Removes a worker that stopped. */
export async function removeWorker(id: string): Promise<void> {
  await getDb().queueWorker.deleteMany({ where: { id } });
}

/** Workers heard from within the last hour, busiest first; older ones are deleted. */
export async function listQueueWorkers(now = new Date()): Promise<QueueWorkerRecord[]> {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS);
  await getDb().queueWorker.deleteMany({ where: { lastHeartbeatAt: { lt: forgotten } } });
  return getDb().queueWorker.findMany({ orderBy: [{ inFlight: "desc" }, { id: "asc" }] });
}

/** Dispatch latency of a workspace's runs: from creation to the start of their execution. */
export interface DispatchLatency {
  runs: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

/** {@link DispatchLatency} of the runs a workspace created in the last `minutes`. */
export async function dispatchLatency(
  workspaceId: string,
  minutes: number,
): Promise<DispatchLatency> {
  const [row] = await rawRows<{
    runs: number;
    p50: number | null;
    p95: number | null;
    max: number | null;
  }>(
    Prisma.sql`
    WITH d AS (
      SELECT EXTRACT(EPOCH FROM ("startedAt" - "createdAt")) * 1000 AS ms FROM "Run"
      WHERE "workspaceId" = ${workspaceId} AND "startedAt" IS NOT NULL
        AND "createdAt" > now() - ${minutes} * interval '1 minute'
    )
    SELECT count(*)::int AS runs,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::float8 AS p50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::float8 AS p95,
      max(ms)::float8 AS max
    FROM d`,
  );
  return { runs: row!.runs, p50Ms: row!.p50, p95Ms: row!.p95, maxMs: row!.max };
}
