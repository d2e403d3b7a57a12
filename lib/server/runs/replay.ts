import type { z } from "zod";
import { findFlowVersion } from "@/lib/db/flows";
import { listFlowVersions } from "@/lib/db/flow-versions";
import { loadRun, type RunRecord } from "@/lib/db/runs";
import type { replayRunSchema, RunDto } from "@/lib/schemas/runs";
import { errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";
import { assertInputFits, launchRun, runnableGraph } from "./run-service";

/**
 * An earlier run of the caller's workspace whose graph and input can run again: 404 for an
 * unknown run or another workspace's, 409 when retention deleted its input.
 */
export async function runToRepeat(ctx: WorkspaceContext, runId: string): Promise<RunRecord> {
  const run = await loadRun(runId, ctx.workspace.id);
  if (!run) throw errors.notFound("Run");
  if (run.contentPurgedAt)
    throw errors.conflict("Retention deleted this run's input and outputs; it cannot run again.");
  return run;
}

/** The graph a replay runs: the run's own version or draft snapshot, or the newest saved version. */
async function graphToReplay(
  ctx: WorkspaceContext,
  run: RunRecord,
  version: "same" | "latest",
): Promise<{ raw: unknown; versionId?: string }> {
  if (version === "same") return { raw: run.graph, versionId: run.flowVersionId ?? undefined };
  const [newest] = await listFlowVersions(ctx.workspace.id, run.flowId);
  const saved = newest && (await findFlowVersion(ctx.workspace.id, run.flowId, newest.id));
  if (!saved)
    throw errors.badRequest(
      "This flow has no saved version to replay on; save a version or replay the same one.",
      { issues: [{ path: "version", message: "The flow has no saved version" }] },
    );
  return { raw: saved.graph, versionId: saved.id };
}

/**
 * Runs an earlier run's input again as a new "replay" run (its parent is the original), on the
 * same version or draft snapshot, or on the flow's newest saved version. The graph and the input
 * are validated like any new run's (400 when the input no longer fits the Input schema).
 */
export async function replayRun(
  ctx: WorkspaceContext,
  runId: string,
  request: z.output<typeof replayRunSchema>,
): Promise<{ status: 200 | 202; run: RunDto }> {
  const original = await runToRepeat(ctx, runId);
  const { raw, versionId } = await graphToReplay(ctx, original, request.version);
  const graph = runnableGraph(raw);
  assertInputFits(graph, original.input);
  return launchRun(ctx, {
    flowId: original.flowId,
    versionId,
    graph,
    trigger: "replay",
    input: original.input,
    parentRunId: original.id,
    waitMs: request.waitMs,
  });
}
