import { switchWorkspaceSchema } from "@/lib/schemas/identity";
import { route } from "@/lib/server/route";
import { switchWorkspace } from "@/lib/server/workspaces";

/** POST /api/workspaces/active: switch to a workspace the caller belongs to. */
export const POST = route({ body: switchWorkspaceSchema }, async ({ ctx, body }) => ({
  workspace: await switchWorkspace(ctx, body.workspaceId),
}));
