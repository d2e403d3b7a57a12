import type { EngineEvent, NodeTrace } from "@/lib/engine";
import type { AttemptOutcome } from "@/lib/db/node-runs";
import {
  writeManyRunRecords,
  writeRunRecords,
  type AttemptRecord,
  type RunRecordBatch,
} from "@/lib/db/run-records";
import { createGroupWriter } from "../group-writer";
import { logger } from "../logger";
import { maskPiiDeep } from "../retention/mask-pii";
import { publishRunEvent, type RunStreamEvent } from "./event-bus";

function traceFields(trace: NodeTrace | undefined): Partial<AttemptOutcome> {
  if (!trace) return {};
  return {
    renderedPrompt: trace.renderedPrompt,
    promptVersionId: trace.promptVersionId,
    provider: trace.provider,
    model: trace.model,
    tier: trace.tier,
    tokensIn: trace.usage?.inputTokens,
    tokensOut: trace.usage?.outputTokens,
    tokensCached: trace.usage?.cachedTokens,
    costUsd: trace.costUsd,
    costSavedUsd: trace.costSavedUsd,
    cacheHit: trace.cacheHit,
  };
}

/** What an engine event means for the attempt's row. */
function outcomeOf(event: EngineEvent): AttemptOutcome | undefined {
  switch (event.type) {
    case "node.succeeded":
      return {
        status: "succeeded",
        source: event.source,
        output: event.outputs,
        latencyMs: event.latencyMs,
        ...traceFields(event.trace),
      };
    case "node.failed":
      return {
        status: "failed",
        error: event.error,
        output: event.handledOutputs,
        final: event.final,
        latencyMs: event.latencyMs,
        ...traceFields(event.trace),
      };
    case "node.waiting":
      return { status: "waiting", output: event.payload, ...traceFields(event.trace) };
    case "node.skipped":
      return { status: "skipped", source: event.source };
    default:
      return undefined;
  }
}

const asIs = <T>(value: T): T => value;

/**
 * Records no checkpoint waits for (a node's start, events) are written this long after the first
 * of them: a node that ends sooner has its start written with its end, in one statement.
 */
const BACKGROUND_FLUSH_MS = 100;

/** Records of runs flushing at the same time share a statement; review tasks go on their own. */
const writeGrouped = createGroupWriter(writeManyRunRecords);
const writeBatch = (batch: RunRecordBatch) =>
  batch.humanTasks.length > 0 ? writeRunRecords(batch) : writeGrouped(batch);

/** An outcome with PII masked in what it stores (prompt, output, error). */
function maskOutcome(outcome: AttemptOutcome): AttemptOutcome {
  const { renderedPrompt, output, error } = outcome;
  return {
    ...outcome,
    renderedPrompt: maskPiiDeep(renderedPrompt),
    output: maskPiiDeep(output),
    error: maskPiiDeep(error),
  };
}

/**
 * Turns engine events into appended rows (one NodeRun per attempt, the RunEvent log, review
 * tasks) without blocking the engine. Records collect in memory and are written in one
 * statement per flush (shared with other runs' flushes under load), or one transaction with review
 * tasks: in the background shortly after they arrive, and at each engine checkpoint, which
 * resolves once everything recorded so far is durable. Every event is also published live
 * (tokens only live). With `maskPii`, detected PII is masked in every stored record (inputs,
 * prompts, outputs, errors, events, review payloads) and in the events published with them; the
 * engine keeps the real values. Live-streamed tokens are never stored, so they are not masked.
 */
export function createRunRecorder(options: {
  workspaceId: string;
  runId: string;
  nodeTypes: Map<string, string>;
  firstSeq: number;
  maskPii?: boolean;
  /** The executing process's lease: fences its writes (see RunRecordBatch.leaseToken). */
  leaseToken?: string;
}) {
  const { workspaceId, runId, nodeTypes, leaseToken } = options;
  const stored = options.maskPii ? maskPiiDeep : asIs;
  const storedOutcome = options.maskPii ? maskOutcome : asIs;
  let seq = options.firstSeq;
  let batch = emptyBatch();
  let written: Promise<void> = Promise.resolve();
  let failure: unknown;
  let flushQueued = false;

  function emptyBatch(): RunRecordBatch & { byKey: Map<string, AttemptRecord> } {
    return {
      workspaceId,
      runId,
      leaseToken,
      attempts: [],
      events: [],
      humanTasks: [],
      byKey: new Map(),
    };
  }

  function attempt(nodeId: string, number: number): AttemptRecord {
    const id = `${nodeId}:${number}`;
    let record = batch.byKey.get(id);
    if (!record) {
      record = {
        key: {
          workspaceId,
          runId,
          nodeId,
          nodeType: nodeTypes.get(nodeId) ?? "unknown",
          attempt: number,
        },
        started: false,
      };
      batch.byKey.set(id, record);
      batch.attempts.push(record);
    }
    return record;
  }

  /** Writes what is pending, after earlier writes; resolves when it is durable. */
  function flush(): Promise<void> {
    flushQueued = false;
    const pending = batch;
    batch = emptyBatch();
    written = written.then(async () => {
      if (pending.attempts.length + pending.events.length + pending.humanTasks.length === 0) return;
      try {
        await writeBatch(pending);
      } catch (error) {
        failure ??= error;
        logger.error({ err: error, runId }, "run recorder write failed");
      }
    });
    return healthy();
  }

  function flushSoon(): void {
    if (flushQueued) return;
    flushQueued = true;
    setTimeout(() => void (flushQueued && flush().catch(() => undefined)), BACKGROUND_FLUSH_MS);
  }

  /** Adds an event to what is pending without publishing it; returns it as it would be streamed. */
  function recordUnpublished(type: string, data: unknown): RunStreamEvent {
    const streamed = { seq: ++seq, type, data: stored(data) };
    batch.events.push(streamed);
    return streamed;
  }

  function record(type: string, data: unknown): void {
    if (type === "node.token") {
      publishRunEvent(runId, { seq: ++seq, type, data });
      return;
    }
    publishRunEvent(runId, recordUnpublished(type, data));
    flushSoon();
  }

  /**
   * Hands what is pending to `write`, which stores it in the caller's own statement, after the
   * earlier writes (review tasks are written first, on their own); throws if any write failed.
   */
  function settleWith<T>(write: (pending: RunRecordBatch) => Promise<T>): Promise<T> {
    const before = batch.humanTasks.length > 0 ? flush() : healthy();
    flushQueued = false;
    const pending = batch;
    batch = emptyBatch();
    const done = before.then(() => write(pending));
    written = done.then(
      () => undefined,
      (error: unknown) => void (failure ??= error),
    );
    return done;
  }

  /** Resolves once every write so far is done, without writing what is pending; throws if one failed. */
  function healthy(): Promise<void> {
    return written.then(() => {
      if (failure) throw failure;
    });
  }

  function onEvent(event: EngineEvent): void {
    const { type, ...data } = event;
    record(type, data);
    const now = new Date();
    if (event.type === "node.started") {
      Object.assign(attempt(event.nodeId, event.attempt), {
        started: true,
        startedAt: now,
        input: stored(event.inputs),
      });
    } else if (event.type === "node.skipped") {
      Object.assign(attempt(event.nodeId, 1), {
        started: true,
        startedAt: now,
        outcome: outcomeOf(event),
        finishedAt: now,
      });
    } else {
      const outcome = outcomeOf(event);
      if (outcome && "attempt" in event)
        Object.assign(attempt(event.nodeId, event.attempt), {
          outcome: storedOutcome(outcome),
          finishedAt: now,
        });
      if (event.type === "node.waiting")
        batch.humanTasks.push({ nodeId: event.nodeId, payload: stored(event.payload) });
    }
  }

  /**
   * Drops what is pending and resolves once earlier writes are done: the run goes on in another
   * process, which redoes what this one did not store, as after a crash (an attempt cut off here is
   * not recorded as failed, so it reruns under the same idempotency key).
   */
  function abandon(): Promise<void> {
    flushQueued = false;
    batch = emptyBatch();
    return written;
  }

  return {
    onEvent,
    abandon,
    /** The engine's checkpoint: resolves once everything recorded so far is durable. */
    checkpoint: () => flush(),
    /** Writes everything recorded; throws if any write failed. */
    flush,
    healthy,
    settleWith,
    recordUnpublished,
  };
}
