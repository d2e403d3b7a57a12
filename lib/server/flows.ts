import { listFlows } from "@/lib/db/flows";
import type { WorkspaceContext } from "./workspace-context";

/** Flows of the active workspace, most recently updated first. */
export async function flowsOf(ctx: WorkspaceContext) {
  return (await listFlows(ctx.workspace.id)).map((f) => ({
    ...f,
    updatedAt: f.updatedAt.toISOString(),
  }));
}
