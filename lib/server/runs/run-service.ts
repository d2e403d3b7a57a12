import type { z } from "zod";
import { flowGraphSchema, validateFlow, type FlowGraph } from "@/lib/engine";
import { findFlow, findFlowVersion } from "@/lib/db/flows";
import { listAttempts } from "@/lib/db/node-runs";
import { describePromptVersions } from "@/lib/db/prompts";
import { monthStartOf } from "@/lib/db/budgets";
import {
  createRun,
  createRunWithinBudget,
  loadRun,
  runSourceNames,
  setRunStatus,
  type NewRun,
  type SettledRunRecord,
  type RunTrigger,
} from "@/lib/db/runs";
import { nodeRegistry } from "@/lib/nodes";
import { inputConfigSchema, validateRunInput } from "@/lib/nodes/input.node";
import type { NodeAttemptDto, RunDto, startRunSchema } from "@/lib/schemas/runs";
import { assertWithinBudget } from "../budgets/budgets";
import { ApiError, errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";
import { awaitRun, isSettled } from "./await-run";
import { dispatchesToQueue, dispatchRun } from "../queue/dispatch";
import { abortRun } from "./execute-run";
import { leaseForThisProcess } from "./lease";
import { runToRerun } from "./run-from-here";

/** The API view of a run; `names` (API key, endpoint) are filled where a page shows them. */
export function toRunDto(
  run: SettledRunRecord,
  names: { apiKeyName: string | null; endpointSlug: string | null } = {
    apiKeyName: null,
    endpointSlug: null,
  },
): RunDto {
  return {
    id: run.id,
    flowId: run.flowId,
    flowVersionId: run.flowVersionId,
    status: run.status,
    trigger: run.trigger,
    input: run.input,
    output: run.output,
    error: run.error,
    totals: {
      tokensIn: run.tokensIn,
      tokensOut: run.tokensOut,
      tokensCached: run.tokensCached,
      costUsd: run.costUsd,
      latencyMs: run.latencyMs,
    },
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    rating: run.rating,
    parentRunId: run.parentRunId,
    fromNodeId: run.fromNodeId,
    contentPurged: run.contentPurgedAt !== null,
    ...names,
  };
}

/** A stored graph parsed for running; 400 with the flow's issues when it has errors. */
export function runnableGraph(raw: unknown): FlowGraph {
  const issues = validateFlow(raw, nodeRegistry).filter((i) => i.severity === "error");
  if (issues.length > 0) {
    throw new ApiError(
      400,
      "validation_failed",
      "The flow has errors; fix them before running it.",
      { flowIssues: issues },
    );
  }
  return flowGraphSchema.parse(raw);
}

async function graphToRun(ctx: WorkspaceContext, flowId: string, versionId?: string) {
  const flow = await findFlow(ctx.workspace.id, flowId);
  if (!flow) throw errors.notFound("Flow");
  const version = versionId ? await findFlowVersion(ctx.workspace.id, flowId, versionId) : null;
  if (versionId && !version) throw errors.notFound("Flow version");
  return { graph: runnableGraph(version ? version.graph : flow.graph), versionId: version?.id };
}

/** Throws 400 when `input` does not fit the schema of the graph's Input node. */
export function assertInputFits(graph: FlowGraph, input: unknown): void {
  const inputNode = graph.nodes.find(
    (n) => nodeRegistry.get(n.type, n.typeVersion)?.capabilities?.entry,
  );
  const inputIssues = inputNode
    ? validateRunInput(inputConfigSchema.parse(inputNode.config), input)
    : [];
  if (inputIssues.length > 0) {
    throw new ApiError(
      400,
      "validation_failed",
      "The input does not match the flow's input schema.",
      { issues: inputIssues },
    );
  }
}

/** Who launches a run: a member (the run records them) or an API key (no member). */
export interface RunLauncher {
  workspace: { id: string };
  user: { id: string } | null;
}

/** What a new run runs and why: every way to start a run goes through {@link launchRun}. */
export interface LaunchRequest {
  flowId: string;
  /** The version it runs; without one, `graph` is stored as the run's draft snapshot. */
  versionId?: string;
  graph: FlowGraph;
  trigger: RunTrigger;
  input: unknown;
  parentRunId?: string;
  fromNodeId?: string;
  /** Endpoint runs: the endpoint and the API key that started the run. */
  endpointId?: string;
  apiKeyId?: string;
  /** Called with the new run's id before it starts executing (records that must exist first). */
  beforeStart?: (runId: string) => Promise<void>;
}

/**
 * Creates a run and dispatches it: the one place every new run (start, run from here, replay,
 * resume, endpoint) is launched. Embedded, it is created running under this process's lease and
 * executes here; in queue mode it is created queued and a worker claims it. A used-up hard
 * budget refuses it (402) in the same statement. Returns the run's id without waiting.
 */
export async function startNewRun(ctx: RunLauncher, request: LaunchRequest): Promise<string> {
  const run = {
    workspaceId: ctx.workspace.id,
    flowId: request.flowId,
    flowVersionId: request.versionId ?? null,
    trigger: request.trigger,
    input: request.input,
    parentRunId: request.parentRunId ?? null,
    fromNodeId: request.fromNodeId ?? null,
  };
  const lease = dispatchesToQueue() ? undefined : leaseForThisProcess();
  const data: NewRun = {
    ...run,
    flowVersionId: request.versionId,
    graphSnapshot: request.versionId ? undefined : request.graph,
    createdById: ctx.user?.id,
    parentRunId: request.parentRunId,
    fromNodeId: request.fromNodeId,
    endpointId: request.endpointId,
    apiKeyId: request.apiKeyId,
    lease,
  };
  const now = new Date();
  let created = await createRunWithinBudget(data, monthStartOf(now));
  if (!created) {
    // Refused for a used-up budget: say which (402); if it was raised meanwhile, start after all.
    await assertWithinBudget(ctx.workspace.id, request.flowId, now);
    created = await createRun(data);
  }
  const { id, maskPii } = created;
  try {
    await request.beforeStart?.(id);
  } catch (error) {
    await setRunStatus(id, "failed");
    throw error;
  }
  dispatchRun(id, lease && { ...run, graph: request.graph, lease, maskPii });
  return id;
}

/**
 * Launches a run ({@link startNewRun}) and waits up to `waitMs` for it to settle. Answers 200 when
 * the run settled (or paused) in time, 202 otherwise.
 */
export async function launchRun(
  ctx: RunLauncher,
  request: LaunchRequest & { waitMs: number },
): Promise<{ status: 200 | 202; run: RunDto }> {
  const id = await startNewRun(ctx, request);
  const settled = request.waitMs > 0 ? await awaitRun(id, request.waitMs) : undefined;
  const run = settled ?? (await loadRun(id, ctx.workspace.id))!;
  return { status: isSettled(run.status) ? 200 : 202, run: toRunDto(run) };
}

/**
 * Starts a run of a flow's draft (snapshotted) or of a version, or reruns the draft from a node of
 * an earlier run (`from`: its results upstream of the node are reused, never executed again),
 * after validating the graph and the input against the Input node's schema. Answers at once (202)
 * or after the run settles (up to `waitMs`).
 */
export async function startRun(
  ctx: WorkspaceContext,
  flowId: string,
  request: z.output<typeof startRunSchema>,
  trigger: "editor" | "api" = "api",
): Promise<{ status: 200 | 202; run: RunDto }> {
  const { graph, versionId } = await graphToRun(ctx, flowId, request.versionId);
  const parent = request.from ? await runToRerun(ctx, flowId, request.from, graph) : undefined;
  const input = request.input !== undefined ? request.input : parent ? parent.input : {};
  assertInputFits(graph, input);
  return launchRun(ctx, {
    flowId,
    versionId,
    graph,
    trigger,
    input,
    parentRunId: parent?.id,
    fromNodeId: parent ? request.from?.nodeId : undefined,
    waitMs: request.waitMs,
  });
}

/** A run of the caller's workspace (404 for another workspace's). */
export async function getRun(ctx: WorkspaceContext, runId: string): Promise<RunDto> {
  const run = await loadRun(runId, ctx.workspace.id);
  if (!run) throw errors.notFound("Run");
  return toRunDto(run, await runSourceNames(ctx.workspace.id, run));
}

/** A run with every node attempt (prompt, output, error, tokens, cost, latency). */
export async function getRunWithNodes(
  ctx: WorkspaceContext,
  runId: string,
): Promise<{ run: RunDto; nodes: NodeAttemptDto[] }> {
  const run = await getRun(ctx, runId);
  const attempts = await listAttempts(runId);
  const versionIds = attempts.flatMap((a) => (a.promptVersionId ? [a.promptVersionId] : []));
  const prompts = await describePromptVersions(ctx.workspace.id, [...new Set(versionIds)]);
  const nodes = attempts.map((a) => ({
    nodeId: a.nodeId,
    nodeType: a.nodeType,
    attempt: a.attempt,
    status: a.status,
    source: a.source,
    final: a.final,
    renderedPrompt: a.renderedPrompt,
    promptVersionId: a.promptVersionId,
    ...(a.promptVersionId && prompts.has(a.promptVersionId)
      ? { prompt: prompts.get(a.promptVersionId)! }
      : {}),
    output: a.output,
    error: a.error,
    provider: a.provider,
    model: a.model,
    tier: a.tier,
    tokensIn: a.tokensIn,
    tokensOut: a.tokensOut,
    tokensCached: a.tokensCached,
    costUsd: a.costUsd.toString(),
    latencyMs: a.latencyMs,
    cacheHit: a.cacheHit,
    input: a.input,
    startedAt: a.startedAt.toISOString(),
    finishedAt: a.finishedAt?.toISOString() ?? null,
  }));
  return { run, nodes };
}

/** Cancels a queued, running or waiting run; a finished run is a 409. */
export async function cancelRun(ctx: WorkspaceContext, runId: string): Promise<RunDto> {
  const run = await loadRun(runId, ctx.workspace.id);
  if (!run) throw errors.notFound("Run");
  if (["succeeded", "failed", "cancelled"].includes(run.status))
    throw errors.conflict(`The run already ${run.status}.`);
  if (!abortRun(runId)) await setRunStatus(runId, "cancelled");
  return getRun(ctx, runId);
}
