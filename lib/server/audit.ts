import { recordAudit, type AuditInput } from "@/lib/db/audit";
import type { WorkspaceContext } from "./workspace-context";

/** Before/after snapshots of an audited change; callers pass values already free of secrets. */
type Change = Pick<AuditInput, "before" | "after">;

/** Appends an audit event for an action the caller took in their active workspace. */
export function audit(
  ctx: WorkspaceContext,
  action: string,
  target: { type: string; id: string },
  change: Change = {},
): Promise<void> {
  return recordAudit({
    workspaceId: ctx.workspace.id,
    actorId: ctx.user.id,
    action,
    targetType: target.type,
    targetId: target.id,
    ...change,
  });
}
