import {
  rebuildResumeState,
  resumableResults,
  reusableResults,
  type FlowGraph,
  type SettledNode,
  type StoredAttempt,
} from "@/lib/engine";
import { listAttempts } from "@/lib/db/node-runs";
import { loadRun, type RunRecord } from "@/lib/db/runs";
import { nodeRegistry } from "@/lib/nodes";
import { ApiError, errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";

type AttemptRow = Awaited<ReturnType<typeof listAttempts>>[number];

/** A stored node run as the engine's resume logic reads it. */
export function toStoredAttempt(row: AttemptRow): StoredAttempt {
  return {
    nodeId: row.nodeId,
    attempt: row.attempt,
    status: row.status,
    outputs: row.output as Record<string, unknown> | null,
    final: row.final,
  };
}

/**
 * The earlier run a "run from here" reuses: a settled run of the same workspace and flow (404
 * otherwise, without telling another workspace's runs apart), and a node the draft has (400).
 */
export async function runToRerun(
  ctx: WorkspaceContext,
  flowId: string,
  from: { runId: string; nodeId: string },
  graph: FlowGraph,
): Promise<RunRecord> {
  const run = await loadRun(from.runId, ctx.workspace.id);
  if (!run || run.flowId !== flowId)
    throw new ApiError(
      404,
      "not_found",
      "Run not found for this flow; run from a run of this flow.",
    );
  if (!graph.nodes.some((n) => n.id === from.nodeId)) {
    throw errors.badRequest(`The flow has no node "${from.nodeId}" to run from.`, {
      issues: [{ path: "from.nodeId", message: "Not a node of the flow's draft" }],
    });
  }
  if (run.status === "queued" || run.status === "running")
    throw errors.conflict("That run has not finished yet; run from it once it has.");
  return run;
}

/**
 * The nodes a failed run left unsettled (attempted, but neither succeeded nor skipped), in the
 * order they were first attempted, those that failed first: resuming reruns them and everything
 * downstream.
 */
export function unsettledNodes(rows: AttemptRow[]): string[] {
  const settled = rebuildResumeState(rows.map(toStoredAttempt)).settled;
  const failed = new Set<string>();
  const other = new Set<string>();
  for (const row of rows) {
    if (row.nodeId in settled) continue;
    (row.status === "failed" ? failed : other).add(row.nodeId);
  }
  return [...failed, ...[...other].filter((id) => !failed.has(id))];
}

/**
 * The results a new run reuses of its parent (undefined for a run without one, and for a replay):
 * run from here reuses the parent's settled nodes upstream of `fromNodeId`, skipping nodes whose
 * type changed since; resume reuses every settled node of the failed parent outside its
 * unsettled nodes and their downstream.
 */
export async function reusedResultsFor(
  run: Pick<RunRecord, "trigger" | "parentRunId" | "fromNodeId">,
  graph: FlowGraph,
): Promise<Record<string, SettledNode> | undefined> {
  const resume = run.trigger === "resume";
  if (!run.parentRunId || (!resume && !run.fromNodeId)) return undefined;
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const rows = (await listAttempts(run.parentRunId)).filter(
    (row) => types.get(row.nodeId) === row.nodeType,
  );
  const previous = rebuildResumeState(rows.map(toStoredAttempt)).settled;
  if (resume) return resumableResults(graph, nodeRegistry, unsettledNodes(rows), previous);
  return reusableResults(graph, nodeRegistry, run.fromNodeId!, previous);
}
