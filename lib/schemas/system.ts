/**
 * The System page (Settings > System, `policy.manage`): `GET /api/system` -> SystemStatusDto. How
 * runs execute here (embedded in the web process, or queue workers), the workers and their last
 * heartbeats, the queue's depth, and how long this workspace's runs waited to start.
 */

/** A queue worker as its last heartbeat reported it; `live` when heard from in the last 20 s. */
export interface QueueWorkerDto {
  id: string;
  host: string;
  pid: number;
  concurrency: number;
  inFlight: number;
  startedAt: string;
  lastHeartbeatAt: string;
  live: boolean;
}

/** Answer of `GET /api/system`. */
export interface SystemStatusDto {
  execution: "inline" | "queue";
  workers: QueueWorkerDto[];
  /** Jobs on the run queue (queue mode), or why they could not be counted. */
  queue: { waiting: number; active: number } | { error: string } | null;
  /** Creation to start of this workspace's runs of the last `minutes` (ms). */
  dispatch: {
    minutes: number;
    runs: number;
    p50Ms: number | null;
    p95Ms: number | null;
    maxMs: number | null;
  };
}
