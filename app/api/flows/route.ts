import { flowsOf } from "@/lib/server/flows";
import { route } from "@/lib/server/route";

/** GET /api/flows: flows of the workspace. */
export const GET = route({ permission: "workspace.read" }, async ({ ctx }) => ({
  flows: await flowsOf(ctx),
}));
