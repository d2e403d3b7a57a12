import { cookies } from "next/headers";
import { listMembershipsOfUser, type MembershipRecord } from "@/lib/db/memberships";
import type { UserRecord } from "@/lib/db/users";
import type { Role } from "@/lib/schemas/identity";
import { getConfig } from "./config";

/** Cookie holding the active workspace id; always checked against Membership. */
export const WORKSPACE_COOKIE = "trellis_workspace";

/** Who is asking, in which workspace, with which roles (read from the database per request). */
export interface WorkspaceContext {
  user: UserRecord;
  workspace: { id: string; name: string };
  roles: Role[];
  memberships: MembershipRecord[];
}

/**
 * Resolves the active workspace: the cookie's when the user is a member there, else their
 * oldest membership. Null when the user belongs to no workspace.
 */
export async function resolveWorkspaceContext(user: UserRecord): Promise<WorkspaceContext | null> {
  const memberships = await listMembershipsOfUser(user.id);
  const wanted = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const active = memberships.find((m) => m.workspaceId === wanted) ?? memberships[0];
  if (!active) return null;
  return {
    user,
    workspace: { id: active.workspaceId, name: active.workspaceName },
    roles: active.roles,
    memberships,
  };
}

/** Makes a workspace the active one for this browser. */
export async function setActiveWorkspaceCookie(workspaceId: string): Promise<void> {
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getConfig().publicUrl.startsWith("https://"),
    maxAge: 365 * 24 * 60 * 60,
  });
}
