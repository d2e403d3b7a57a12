import type { Role } from "@/lib/schemas/identity";
import type { Action } from "@/lib/server/permissions";

/** What the client shell needs from the server's page context. */
export interface ShellContext {
  user: { id: string; email: string; name: string };
  workspace: { id: string; name: string };
  workspaces: { id: string; name: string; roles: Role[] }[];
  /** What the viewer's roles allow in the active workspace (hides navigation they cannot use). */
  permissions: Action[];
}
