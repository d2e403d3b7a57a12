import { getDb } from "./client";
import { jsonInput } from "./json";

/** A human-review task as the inbox lists it. */
export interface HumanTaskRecord {
  id: string;
  runId: string;
  nodeId: string;
  status: string;
  payload: unknown;
  decision: unknown;
  createdAt: Date;
  decidedAt: Date | null;
}

/** Open review tasks of a workspace, oldest first. */
export function listOpenHumanTasks(workspaceId: string): Promise<HumanTaskRecord[]> {
  return getDb().humanTask.findMany({
    where: { workspaceId, status: "open" },
    orderBy: { createdAt: "asc" },
  });
}

/** One task of a workspace. */
export function findHumanTask(workspaceId: string, id: string): Promise<HumanTaskRecord | null> {
  return getDb().humanTask.findFirst({ where: { workspaceId, id } });
}

/**
 * Records a decision exactly once: only the call that moves the task out of `open` wins;
 * a second or concurrent decision returns false and changes nothing.
 */
export async function decideHumanTask(
  workspaceId: string,
  id: string,
  status: "approved" | "edited" | "rejected",
  decision: unknown,
  decidedById: string,
): Promise<boolean> {
  const result = await getDb().humanTask.updateMany({
    where: { id, workspaceId, status: "open" },
    data: { status, decision: jsonInput(decision), decidedById, decidedAt: new Date() },
  });
  return result.count === 1;
}

/** Decisions recorded for a run's review nodes, by node id (to resume it). */
export async function decisionsForRun(runId: string): Promise<Record<string, unknown>> {
  const rows = await getDb().humanTask.findMany({
    where: { runId, status: { in: ["approved", "edited", "rejected"] } },
    select: { nodeId: true, decision: true },
  });
  return Object.fromEntries(rows.map((r) => [r.nodeId, r.decision]));
}
