import { randomUUID } from "node:crypto";
import {
  flowGraphSchema,
  rebuildResumeState,
  type FlowGraph,
  runFlow,
  withoutPins,
  type EnginePorts,
  type RunResult,
} from "@/lib/engine";
import { decisionsForRun } from "@/lib/db/human-tasks";
import { lastRunEventSeq, listAttempts } from "@/lib/db/node-runs";
import { replaceRunInput } from "@/lib/db/retention";
import { finishRun, loadRun, markRunRunning, type RunLease, type RunRecord } from "@/lib/db/runs";
import { findDataSettings } from "@/lib/db/workspace-settings";
import { nodeRegistry } from "@/lib/nodes";
import { rollUpRunCosts } from "../costs/rollup";
import { logger } from "../logger";
import { maskPiiDeep } from "../retention/mask-pii";
import { reusedResultsFor, toStoredAttempt } from "./run-from-here";
import { publishRunEvent } from "./event-bus";
import { portsForRun } from "./run-ports";
import { createRunRecorder } from "./run-recorder";

const LEASE_MS = 5 * 60_000;
const OWNER = `${process.pid}@${process.env.HOSTNAME ?? "local"}`;

const globalKey = Symbol.for("trellis.activeRuns");
type GlobalWithRuns = typeof globalThis & {
  [globalKey]?: Map<string, { controller: AbortController; done: Promise<void> }>;
};

function activeRuns() {
  const g = globalThis as GlobalWithRuns;
  g[globalKey] ??= new Map();
  return g[globalKey];
}

/** A lease on a run for this process, to create it already running ({@link FreshRun}). */
export function leaseForThisProcess(): RunLease {
  return { owner: OWNER, token: randomUUID(), ms: LEASE_MS };
}

/**
 * A run its launcher just created in this process under a lease of {@link leaseForThisProcess}:
 * nothing to load, claim or resume; `maskPii` is the workspace's setting read as it was created.
 */
export type FreshRun = Pick<
  RunRecord,
  "workspaceId" | "flowVersionId" | "trigger" | "input" | "parentRunId" | "fromNodeId"
> & { graph: FlowGraph; leaseToken: string; maskPii: boolean };

/** How to execute: `ports` replace the workspace's (tests, benchmarks); `fresh` skips loading. */
export interface ExecuteOptions {
  ports?: EnginePorts;
  fresh?: FreshRun;
}

/**
 * Executes (or resumes) a run in this process: completed nodes are rebuilt from their stored
 * node runs and never executed again; an interrupted attempt reruns with its idempotency key.
 * A run already executing in this process is not started twice.
 */
export function executeRun(runId: string, options: ExecuteOptions = {}): Promise<void> {
  const runs = activeRuns();
  const existing = runs.get(runId);
  if (existing) return existing.done;
  const controller = new AbortController();
  const done = execute(runId, controller.signal, options)
    .catch((error: unknown) => logger.error({ err: error, runId }, "run execution failed"))
    .finally(() => runs.delete(runId));
  runs.set(runId, { controller, done });
  return done;
}

/** True while the run executes in this process (its events reach this process's subscribers). */
export function isExecutingHere(runId: string): boolean {
  return activeRuns().has(runId);
}

/** Aborts a run executing in this process; false when it is not running here. */
export function abortRun(runId: string): boolean {
  const active = activeRuns().get(runId);
  active?.controller.abort(new Error("cancelled"));
  return active !== undefined;
}

/** What an earlier start of the run left: its attempts, review decisions and last event number. */
async function priorState(runId: string) {
  const [attempts, decisions, firstSeq] = await Promise.all([
    listAttempts(runId),
    decisionsForRun(runId),
    lastRunEventSeq(runId),
  ]);
  return { resume: rebuildResumeState(attempts.map(toStoredAttempt), decisions), firstSeq };
}

async function execute(runId: string, signal: AbortSignal, options: ExecuteOptions): Promise<void> {
  const { fresh } = options;
  const run = fresh ?? (await loadRun(runId));
  if (!run || ("status" in run && ["succeeded", "failed", "cancelled"].includes(run.status)))
    return;
  const token = fresh?.leaseToken ?? randomUUID();
  if (!fresh) await markRunRunning(runId, OWNER, token, LEASE_MS);
  // Pins belong to draft runs; versions are saved without them, and a version run never uses one.
  const snapshot = fresh ? fresh.graph : flowGraphSchema.parse(run.graph);
  const graph = run.flowVersionId ? withoutPins(snapshot) : snapshot;
  const [prior, reused, settings] = await Promise.all([
    fresh ? { resume: undefined, firstSeq: 0 } : priorState(runId),
    reusedResultsFor(run, graph),
    fresh ? { maskPii: fresh.maskPii } : findDataSettings(run.workspaceId),
  ]);
  // PII masking applies to what is stored; the engine runs on the real input.
  const maskPii = settings?.maskPii ?? false;
  const stored = maskPii ? maskPiiDeep : <T>(value: T): T => value;
  if (maskPii) await replaceRunInput(runId, maskPiiDeep(run.input));
  const recorder = createRunRecorder({
    workspaceId: run.workspaceId,
    runId,
    nodeTypes: new Map(graph.nodes.map((n) => [n.id, n.type])),
    firstSeq: prior.firstSeq,
    maskPii,
  });
  let result: RunResult;
  try {
    result = await runFlow({
      runId,
      graph,
      registry: nodeRegistry,
      input: run.input,
      ports: options.ports ?? portsForRun(run.workspaceId),
      signal,
      onEvent: recorder.onEvent,
      checkpoint: recorder.checkpoint,
      resume: prior.resume,
      reused,
    });
    await recorder.healthy();
  } catch (error) {
    await recorder.flush().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(runId, token, {
      status: "failed",
      error: stored({ code: "internal", message }),
    });
    await rollUpRunCosts(runId);
    throw error;
  }
  // The last records, the settled run and its run.persisted event go in one statement. Listeners
  // hear of it at once: cost readers count settled node runs a rollup has not reached yet.
  const persisted = recorder.recordUnpublished("run.persisted", { status: result.status });
  const settled = await recorder.settleWith((pending) =>
    finishRun(
      runId,
      token,
      { status: result.status, output: stored(result.output), error: stored(result.error) },
      pending,
    ),
  );
  if (!settled) logger.warn({ runId }, "run settled without its lease; result not committed");
  publishRunEvent(runId, settled ? { ...persisted, run: settled } : persisted);
  await rollUpRunCosts(runId);
}
