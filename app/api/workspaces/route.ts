import { createWorkspaceSchema } from "@/lib/schemas/identity";
import { created, route } from "@/lib/server/route";
import { createWorkspaceFor } from "@/lib/server/workspaces";

/** POST /api/workspaces: creates a workspace with the caller as admin and switches to it. */
export const POST = route({ auth: "user", body: createWorkspaceSchema }, async ({ user, body }) =>
  created({ workspace: await createWorkspaceFor(user.id, body.name) }),
);
