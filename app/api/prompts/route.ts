import { route } from "@/lib/server/route";
import { promptsOf } from "@/lib/server/prompts";

/** GET /api/prompts: managed prompts of the workspace with their labels and latest version. */
export const GET = route({ permission: "workspace.read" }, async ({ ctx }) => ({
  prompts: await promptsOf(ctx),
}));
