import type { z } from "zod";
import {
  decideHumanTask,
  findHumanTask,
  listOpenHumanTasks,
  type HumanTaskRecord,
} from "@/lib/db/human-tasks";
import type { humanDecisionSchema } from "@/lib/schemas/runs";
import { audit } from "../audit";
import { errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";
import { dispatchRun } from "../queue/dispatch";

const STATUS = { approve: "approved", edit: "edited", reject: "rejected" } as const;

/** The API view of a human-review task. */
function toDto(task: HumanTaskRecord) {
  return {
    ...task,
    createdAt: task.createdAt.toISOString(),
    decidedAt: task.decidedAt?.toISOString() ?? null,
  };
}

/** Open review tasks of the workspace (the Approvals inbox). */
export async function openTasks(ctx: WorkspaceContext) {
  return (await listOpenHumanTasks(ctx.workspace.id)).map(toDto);
}

/**
 * Records a reviewer's decision exactly once and resumes the run from stored state;
 * a second or concurrent decision on the same task gets 409 and changes nothing.
 */
export async function decideTask(
  ctx: WorkspaceContext,
  taskId: string,
  decision: z.output<typeof humanDecisionSchema>,
) {
  const task = await findHumanTask(ctx.workspace.id, taskId);
  if (!task) throw errors.notFound("Review task");
  const stored = { ...decision, reviewer: ctx.user.email };
  if (
    !(await decideHumanTask(ctx.workspace.id, taskId, STATUS[decision.action], stored, ctx.user.id))
  ) {
    throw errors.conflict("This review task was already decided.");
  }
  await audit(
    ctx,
    `human_task.${STATUS[decision.action]}`,
    { type: "human_task", id: taskId },
    { after: { runId: task.runId, comment: decision.comment ?? null } },
  );
  dispatchRun(task.runId);
  return { ok: true, runId: task.runId };
}
