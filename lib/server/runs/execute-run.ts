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
import {
  claimRun,
  markRunRunning,
  releaseRunLease,
  type ClaimedRun,
  type RunLease,
} from "@/lib/db/run-leases";
import { finishRun, loadRun, type RunRecord } from "@/lib/db/runs";
import { findDataSettings } from "@/lib/db/workspace-settings";
import { nodeRegistry } from "@/lib/nodes";
import { rollUpRunCosts } from "../costs/rollup";
import { logger } from "../logger";
import { executionMode } from "../queue/mode";
import { maskPiiDeep } from "../retention/mask-pii";
import { holdLease, leaseForThisProcess } from "./lease";
import { reusedResultsFor, toStoredAttempt } from "./run-from-here";
import { publishRunEvent } from "./event-bus";
import { portsForRun } from "./run-ports";
import { createRunRecorder } from "./run-recorder";

const globalKey = Symbol.for("trellis.activeRuns");
type GlobalWithRuns = typeof globalThis & {
  [globalKey]?: Map<string, { controller: AbortController; done: Promise<void> }>;
};

function activeRuns() {
  const g = globalThis as GlobalWithRuns;
  g[globalKey] ??= new Map();
  return g[globalKey];
}

/**
 * A run its launcher just created in this process under a lease of {@link leaseForThisProcess}:
 * nothing to load, claim or resume; `maskPii` is the workspace's setting read as it was created.
 */
export type FreshRun = Pick<
  RunRecord,
  "workspaceId" | "flowVersionId" | "trigger" | "input" | "parentRunId" | "fromNodeId"
> & { graph: FlowGraph; lease: RunLease; maskPii: boolean };

/**
 * How to execute: `ports` replace the workspace's (tests, benchmarks); `fresh` skips loading;
 * `claim` (a queue worker) executes only when its claim on the run wins ({@link claimRun}),
 * otherwise this process takes the run over (embedded mode: it is the only executor).
 */
export interface ExecuteOptions {
  ports?: EnginePorts;
  fresh?: FreshRun;
  claim?: boolean;
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
  const done = execute(runId, controller, options)
    .catch((error: unknown) => logger.error({ err: error, runId }, "run execution failed"))
    .finally(() => runs.delete(runId));
  runs.set(runId, { controller, done });
  return done;
}

/** Abort reasons that end a run here without settling it: another process goes on with it. */
const HANDED_BACK = new Error("handed back to the queue");
const LEASE_LOST = new Error("lease lost");

/**
 * Stops every run executing in this process without settling it and hands it back: what it
 * stored stays, its lease is dropped and it is queued again, to resume like a run after a crash.
 * Resolves with their ids.
 */
export async function handBackRuns(): Promise<string[]> {
  const running = [...activeRuns()];
  for (const [, active] of running) active.controller.abort(HANDED_BACK);
  await Promise.all(running.map(([, active]) => active.done));
  return running.map(([runId]) => runId);
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

async function execute(
  runId: string,
  controller: AbortController,
  options: ExecuteOptions,
): Promise<void> {
  const { fresh } = options;
  const lease = fresh?.lease ?? leaseForThisProcess();
  const claimed = options.claim ? await claimRun(runId, lease) : undefined;
  if (claimed === null) return;
  const run = fresh ?? (await loadRun(runId));
  if (!run || ("status" in run && ["succeeded", "failed", "cancelled"].includes(run.status)))
    return;
  if (!fresh && !options.claim) await markRunRunning(runId, lease);
  const stopHolding = holdLease(runId, lease, () => controller.abort(LEASE_LOST));
  try {
    await executeHeld(runId, run, lease.token, controller.signal, { ...options, claimed });
  } finally {
    stopHolding();
  }
}

/**
 * Queue mode: a run whose records could not be stored (the database, not the flow, failed) is not
 * settled as failed but left to its lease; once it expires, a worker resumes the run from what was
 * stored. True when it was left so. Embedded, this process is the only executor: it fails the run.
 */
function leftToLease(runId: string, cause: unknown): boolean {
  if (executionMode() !== "queue") return false;
  logger.warn({ runId, err: cause }, "run records could not be stored; left to its lease");
  return true;
}

/** Runs the flow of a run this process holds the lease of, and settles it under that lease. */
async function executeHeld(
  runId: string,
  run: FreshRun | RunRecord,
  token: string,
  signal: AbortSignal,
  options: ExecuteOptions & { claimed?: ClaimedRun },
): Promise<void> {
  const { fresh, claimed } = options;
  // Pins belong to draft runs; versions are saved without them, and a version run never uses one.
  const snapshot = fresh ? fresh.graph : flowGraphSchema.parse(run.graph);
  const graph = run.flowVersionId ? withoutPins(snapshot) : snapshot;
  const [prior, reused, settings] = await Promise.all([
    fresh || claimed?.firstStart ? { resume: undefined, firstSeq: 0 } : priorState(runId),
    reusedResultsFor(run, graph),
    (fresh ?? claimed)
      ? { maskPii: (fresh ?? claimed)!.maskPii }
      : findDataSettings(run.workspaceId),
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
    leaseToken: token,
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
    const storeFailure = await recorder.healthy().then(
      () => undefined,
      (error: unknown) => error ?? new Error("run records could not be stored"),
    );
    if (storeFailure !== undefined) {
      if (leftToLease(runId, storeFailure)) return;
      throw storeFailure;
    }
    if (signal.reason === HANDED_BACK || signal.reason === LEASE_LOST) {
      await recorder.abandon();
      if (signal.reason === HANDED_BACK) await releaseRunLease(runId, token);
      return;
    }
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
  if (result.error?.code === "persistence_failed" && leftToLease(runId, result.error)) return;
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
