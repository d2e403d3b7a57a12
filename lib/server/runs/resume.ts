import type { z } from "zod";
import { listAttempts } from "@/lib/db/node-runs";
import type { resumeRunSchema, RunDto } from "@/lib/schemas/runs";
import { errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";
import { runToRepeat } from "./replay";
import { unsettledNodes } from "./run-from-here";
import { assertInputFits, launchRun, runnableGraph } from "./run-service";

/**
 * Resumes a failed run as a new "resume" run (its parent is the failed run, `fromNodeId` its first
 * failed node) on the same version or draft snapshot and input. Every result the failed run
 * settled outside its failed nodes and their downstream is reused (source "reused", no cost) and
 * never executed again; see `reusedResultsFor`. Only a failed run can be resumed (409 otherwise).
 */
export async function resumeRun(
  ctx: WorkspaceContext,
  runId: string,
  request: z.output<typeof resumeRunSchema>,
): Promise<{ status: 200 | 202; run: RunDto }> {
  const failed = await runToRepeat(ctx, runId);
  if (failed.status !== "failed")
    throw errors.conflict(`Only a failed run can be resumed; this one is ${failed.status}.`);
  const graph = runnableGraph(failed.graph);
  assertInputFits(graph, failed.input);
  const [fromNodeId] = unsettledNodes(await listAttempts(failed.id));
  return launchRun(ctx, {
    flowId: failed.flowId,
    versionId: failed.flowVersionId ?? undefined,
    graph,
    trigger: "resume",
    input: failed.input,
    parentRunId: failed.id,
    fromNodeId,
    waitMs: request.waitMs,
  });
}
