import type { EngineEvent, NodeTrace } from "@/lib/engine";
import { openHumanTask } from "@/lib/db/human-tasks";
import {
  appendRunEvents,
  finishAttempt,
  recordSkipped,
  startAttempt,
  type AttemptOutcome,
} from "@/lib/db/node-runs";
import { logger } from "../logger";
import { publishRunEvent } from "./event-bus";

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

/**
 * Turns engine events into appended rows (one NodeRun per attempt, RunEvent log) without
 * blocking the engine: writes queue in order behind one promise chain; `flush()` awaits them
 * and rethrows the first write failure. Every event is also published live (tokens only live).
 */
export function createRunRecorder(options: {
  workspaceId: string;
  runId: string;
  nodeTypes: Map<string, string>;
  firstSeq: number;
}) {
  const { workspaceId, runId, nodeTypes } = options;
  let seq = options.firstSeq;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  let pendingEvents: { seq: number; type: string; data: unknown }[] = [];

  const enqueue = (write: () => Promise<void>) => {
    chain = chain.then(write).catch((error: unknown) => {
      failure ??= error;
      logger.error({ err: error, runId }, "run recorder write failed");
    });
  };
  const key = (nodeId: string, attempt: number) => ({
    workspaceId,
    runId,
    nodeId,
    nodeType: nodeTypes.get(nodeId) ?? "unknown",
    attempt,
  });
  const flushEvents = () => {
    const batch = pendingEvents;
    pendingEvents = [];
    return appendRunEvents(workspaceId, runId, batch);
  };

  function onEvent(event: EngineEvent): void {
    const { type, ...data } = event;
    const streamed = { seq: ++seq, type, data };
    publishRunEvent(runId, streamed);
    if (type === "node.token") return;
    pendingEvents.push(streamed);
    switch (event.type) {
      case "node.started":
        enqueue(() => startAttempt(key(event.nodeId, event.attempt), event.inputs));
        break;
      case "node.succeeded":
        enqueue(() =>
          finishAttempt(key(event.nodeId, event.attempt), {
            status: "succeeded",
            output: event.outputs,
            latencyMs: event.latencyMs,
            ...traceFields(event.trace),
          }),
        );
        break;
      case "node.failed":
        enqueue(() =>
          finishAttempt(key(event.nodeId, event.attempt), {
            status: "failed",
            error: event.error,
            output: event.handledOutputs,
            final: event.final,
            latencyMs: event.latencyMs,
            ...traceFields(event.trace),
          }),
        );
        break;
      case "node.skipped":
        enqueue(() => recordSkipped(key(event.nodeId, 1)));
        break;
      case "node.waiting":
        enqueue(async () => {
          await finishAttempt(key(event.nodeId, event.attempt), {
            status: "waiting",
            output: event.payload,
            ...traceFields(event.trace),
          });
          await openHumanTask(workspaceId, runId, event.nodeId, event.payload);
        });
        break;
    }
    enqueue(flushEvents);
  }

  return {
    onEvent,
    /** Waits for every queued write; throws if any failed. */
    async flush(): Promise<void> {
      await chain;
      if (failure) throw failure;
    },
    /** The engine's checkpoint: resolves once everything recorded so far is durable. */
    checkpoint(): Promise<void> {
      return chain.then(() => {
        if (failure) throw failure;
      });
    },
    /** Records a service-level event (after the engine finished). */
    record(type: string, data: unknown): void {
      const streamed = { seq: ++seq, type, data };
      publishRunEvent(runId, streamed);
      pendingEvents.push(streamed);
      enqueue(flushEvents);
    },
  };
}
