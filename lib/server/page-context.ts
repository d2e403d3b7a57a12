import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/schemas/identity";
import { can, type Action, PERMISSIONS } from "./permissions";
import { currentUser } from "./session";
import { hasAnyUser } from "./setup";
import { resolveWorkspaceContext } from "./workspace-context";

/** What a signed-in page knows about its viewer. */
export interface PageContext {
  user: { id: string; email: string; name: string };
  workspace: { id: string; name: string };
  roles: Role[];
  workspaces: { id: string; name: string; roles: Role[] }[];
  /** Every action the roles grant, for showing or hiding controls. */
  permissions: Action[];
}

/** The signed-in user even when they must change their password; redirects to /login if none. */
export async function requireSignedInUser() {
  const user = await currentUser();
  if (!user) redirect((await hasAnyUser()) ? "/login" : "/setup");
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Redirects to /setup, /login or /change-password as needed; answers 403 if `action` is not granted. */
export async function requirePageContext(action?: Action): Promise<PageContext> {
  const user = await currentUser();
  if (!user) redirect((await hasAnyUser()) ? "/login" : "/setup");
  if (user.mustChangePassword) redirect("/change-password");
  const ctx = await resolveWorkspaceContext(user);
  if (!ctx) forbidden();
  if (action && !can(ctx.roles, action)) forbidden();
  const permissions = [...new Set(ctx.roles.flatMap((role) => [...PERMISSIONS[role]]))];
  return {
    user: { id: user.id, email: user.email, name: user.name },
    workspace: ctx.workspace,
    roles: ctx.roles,
    workspaces: ctx.memberships.map((m) => ({
      id: m.workspaceId,
      name: m.workspaceName,
      roles: m.roles,
    })),
    permissions,
  };
}
