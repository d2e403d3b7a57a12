import { findUserById } from "@/lib/db/users";
import { createWorkspace } from "@/lib/db/workspaces";
import { completeSetup } from "@/lib/server/setup";
import type { WorkspaceContext } from "@/lib/server/workspace-context";

/** Runs first-time setup and returns the admin's context in the seeded "Acme" workspace, plus a way to make more. */
export async function setupAdminContext(): Promise<{
  ctx: WorkspaceContext;
  inNewWorkspace: (name: string) => Promise<WorkspaceContext>;
}> {
  const { userId, workspaceId } = await completeSetup({
    name: "Ada",
    email: "ada@example.com",
    password: "correct-horse-1",
    workspaceName: "Acme",
  });
  const user = (await findUserById(userId))!;
  const ctx: WorkspaceContext = {
    user,
    workspace: { id: workspaceId, name: "Acme" },
    roles: ["admin"],
    memberships: [],
  };
  return {
    ctx,
    inNewWorkspace: async (name) => ({ ...ctx, workspace: await createWorkspace(name, userId) }),
  };
}

/** A flow graph using a node type no registry knows (imports and drafts report it, never fail on it). */
export const unknownNodeGraph = {
  nodes: [
    { id: "in", type: "input", typeVersion: 1, config: {} },
    { id: "magic", type: "teleporter", typeVersion: 1, config: { to: "mars" } },
    { id: "out", type: "output", typeVersion: 1 },
  ],
  edges: [
    { id: "e1", source: "in", sourcePort: "out", target: "magic", targetPort: "in" },
    { id: "e2", source: "magic", sourcePort: "out", target: "out", targetPort: "in" },
  ],
};
