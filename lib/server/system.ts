import { dispatchLatency, listQueueWorkers } from "@/lib/db/queue-workers";
import type { SystemStatusDto } from "@/lib/schemas/system";
import { executionMode } from "./queue/mode";
import { runQueueDepth } from "./queue/run-queue";
import type { WorkspaceContext } from "./workspace-context";

/** A worker silent longer than this (three missed heartbeats) is shown as not live. */
const LIVE_WITHIN_MS = 20_000;
const DISPATCH_MINUTES = 15;

/** The System page's figures: execution mode, workers, queue depth and dispatch latency. */
export async function systemStatus(
  ctx: WorkspaceContext,
  now = new Date(),
): Promise<SystemStatusDto> {
  const execution = executionMode();
  const [workers, dispatch, queue] = await Promise.all([
    listQueueWorkers(now),
    dispatchLatency(ctx.workspace.id, DISPATCH_MINUTES),
    execution === "queue"
      ? runQueueDepth().catch((error: unknown) => ({
          error: error instanceof Error ? error.message : String(error),
        }))
      : null,
  ]);
  return {
    execution,
    workers: workers.map((worker) => ({
      ...worker,
      startedAt: worker.startedAt.toISOString(),
      lastHeartbeatAt: worker.lastHeartbeatAt.toISOString(),
      live: now.getTime() - worker.lastHeartbeatAt.getTime() <= LIVE_WITHIN_MS,
    })),
    queue,
    dispatch: { minutes: DISPATCH_MINUTES, ...dispatch },
  };
}
