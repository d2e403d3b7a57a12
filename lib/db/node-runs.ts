import { getDb } from "./client";
import { jsonInput, jsonValue } from "./json";

/** Node run status values (mirrors the schema enum). */
export type NodeRunStatus =
  "running" | "succeeded" | "failed" | "skipped" | "waiting" | "cancelled";

/** What an attempt recorded when it ended. */
export interface AttemptOutcome {
  status: NodeRunStatus;
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

const keyOf = (a: AttemptKey) => `${a.runId}:${a.nodeId}:${a.attempt}`;

/**
 * Records that an attempt started (one row per attempt, keyed by runId:nodeId:attempt). An attempt
 * re-run after a crash reuses its row and key, so side effects can deduplicate.
 */
export async function startAttempt(attempt: AttemptKey, input: unknown): Promise<void> {
  const idempotencyKey = keyOf(attempt);
  await getDb().nodeRun.upsert({
    where: { idempotencyKey },
    create: { ...attempt, idempotencyKey, status: "running", input: jsonInput(input) },
    update: { status: "running", startedAt: new Date(), finishedAt: null, error: jsonInput(null) },
  });
}

/** Records how an attempt ended (an update of its own row; the run row is not rewritten). */
export async function finishAttempt(attempt: AttemptKey, outcome: AttemptOutcome): Promise<void> {
  const { output, error, ...fields } = outcome;
  await getDb().nodeRun.update({
    where: { idempotencyKey: keyOf(attempt) },
    data: { ...fields, output: jsonInput(output), error: jsonInput(error), finishedAt: new Date() },
  });
}

/** Records a skipped node (a row with no attempt work). */
export async function recordSkipped(attempt: AttemptKey): Promise<void> {
  const idempotencyKey = keyOf(attempt);
  await getDb().nodeRun.upsert({
    where: { idempotencyKey },
    create: { ...attempt, idempotencyKey, status: "skipped", finishedAt: new Date() },
    update: {},
  });
}

/** The attempts of a run in order, for resuming and for the run view. */
export function listAttempts(runId: string) {
  return getDb().nodeRun.findMany({
    where: { runId },
    orderBy: [{ startedAt: "asc" }, { attempt: "asc" }],
  });
}

/** Appends engine events to a run's log (seq gives order and the SSE event id). */
export async function appendRunEvents(
  workspaceId: string,
  runId: string,
  events: { seq: number; type: string; data: unknown }[],
): Promise<void> {
  if (events.length === 0) return;
  await getDb().runEvent.createMany({
    data: events.map((e) => ({
      workspaceId,
      runId,
      seq: e.seq,
      type: e.type,
      data: jsonValue(e.data),
    })),
    skipDuplicates: true,
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
