import { route } from "@/lib/server/route";
import { describeMe } from "@/lib/server/workspaces";

/** GET /api/me: the caller, active workspace, roles and workspaces. */
export const GET = route({ allowPendingPasswordChange: true }, async ({ ctx }) => describeMe(ctx));
