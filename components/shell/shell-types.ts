import type { Role } from "@/lib/schemas/identity";

/** What the client shell needs from the server's page context. */
export interface ShellContext {
  user: { id: string; email: string; name: string };
  workspace: { id: string; name: string };
  workspaces: { id: string; name: string; roles: Role[] }[];
}
