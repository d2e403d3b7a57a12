import { recordAudit } from "@/lib/db/audit";
import { createWorkspace as insertWorkspace } from "@/lib/db/workspaces";
import type { MeDto } from "@/lib/schemas/identity";
import { errors } from "./errors";
import { setActiveWorkspaceCookie, type WorkspaceContext } from "./workspace-context";

/** The caller, their active workspace and every workspace they can switch to. */
export function describeMe(ctx: WorkspaceContext): MeDto {
  return {
    user: {
      id: ctx.user.id,
      email: ctx.user.email,
      name: ctx.user.name,
      mustChangePassword: ctx.user.mustChangePassword,
    },
    workspace: ctx.workspace,
    roles: ctx.roles,
    workspaces: ctx.memberships.map((m) => ({
      id: m.workspaceId,
      name: m.workspaceName,
      roles: m.roles,
    })),
  };
}

/** Creates a workspace with the caller as admin and makes it active. */
export async function createWorkspaceFor(
  userId: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const workspace = await insertWorkspace(name, userId);
  await recordAudit({
    workspaceId: workspace.id,
    actorId: userId,
    action: "workspace.created",
    targetType: "workspace",
    targetId: workspace.id,
    after: { name },
  });
  await setActiveWorkspaceCookie(workspace.id);
  return workspace;
}

/** Switches the active workspace; only to one the caller is a member of (404 otherwise). */
export async function switchWorkspace(
  ctx: WorkspaceContext,
  workspaceId: string,
): Promise<{ id: string; name: string }> {
  const membership = ctx.memberships.find((m) => m.workspaceId === workspaceId);
  if (!membership) throw errors.notFound("Workspace");
  await setActiveWorkspaceCookie(workspaceId);
  return { id: membership.workspaceId, name: membership.workspaceName };
}
