import { getDb } from "./client";

/** Node run status values (mirrors the schema enum). */
export type NodeRunStatus =
  "running" | "succeeded" | "failed" | "skipped" | "waiting" | "cancelled";

/** Whether a node run executed, or settled from pinned outputs or an earlier run's result. */
export type NodeRunSource = "executed" | "pinned" | "reused";

/** What an attempt recorded when it ended. */
export interface AttemptOutcome {
  status: NodeRunStatus;
  source?: NodeRunSource;
  output?: unknown;
  error?: unknown;
  final?: boolean;
  latencyMs?: number;
  renderedPrompt?: string;
  promptVersionId?: string;
  provider?: string;
  model?: string;
  tier?: string;
  tokensIn?: number;
  tokensOut?: number;
  tokensCached?: number;
  costUsd?: number;
  costSavedUsd?: number;
  cacheHit?: boolean;
}

/** Identity of one attempt. */
export interface AttemptKey {
  workspaceId: string;
  runId: string;
  nodeId: string;
  nodeType: string;
  attempt: number;
}

/** The attempts of a run in order, for resuming and for the run view. */
export function listAttempts(runId: string) {
  return getDb().nodeRun.findMany({
    where: { runId },
    orderBy: [{ startedAt: "asc" }, { attempt: "asc" }],
  });
}

/** Recorded events of a run after a sequence number. */
export async function listRunEvents(runId: string, afterSeq = 0, limit = 1000) {
  return getDb().runEvent.findMany({
    where: { runId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, type: true, data: true },
  });
}

/** The highest recorded event sequence of a run (0 when none). */
export async function lastRunEventSeq(runId: string): Promise<number> {
  const last = await getDb().runEvent.findFirst({
    where: { runId },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  return last?.seq ?? 0;
}
