import { randomUUID } from "node:crypto";
import { renewRunLease, type RunLease } from "@/lib/db/run-leases";
import { logger } from "../logger";

const OWNER = `${process.pid}@${process.env.HOSTNAME ?? "local"}`;
const DEFAULT_LEASE_MS = 30_000;

/** How long a lease lasts unless renewed (`TRELLIS_LEASE_MS`, default 30 s); renewed every third of it. */
export function leaseMs(): number {
  const ms = Number(process.env.TRELLIS_LEASE_MS);
  return Number.isInteger(ms) && ms >= 1_000 ? ms : DEFAULT_LEASE_MS;
}

/** A new lease on a run for this process. */
export function leaseForThisProcess(): RunLease {
  return { owner: OWNER, token: randomUUID(), ms: leaseMs() };
}

/**
 * Renews the lease every third of its length while the run executes; calls `onLost` once when it
 * was lost (expired and claimed by another worker, or the run was cancelled). A renewal that fails
 * (database unreachable) is retried at the next tick. Returns the function that stops renewing.
 */
export function holdLease(runId: string, lease: RunLease, onLost: () => void): () => void {
  let stopped = false;
  const timer = setInterval(
    () => {
      renewRunLease(runId, lease).then(
        (held) => {
          if (held || stopped) return;
          stopped = true;
          clearInterval(timer);
          logger.warn({ runId, owner: lease.owner }, "run lease lost; stopping the run here");
          onLost();
        },
        (err: unknown) => logger.warn({ err, runId }, "run lease renewal failed; retrying"),
      );
    },
    Math.floor(lease.ms / 3),
  ).unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
