import { auditActors } from "@/lib/server/audit-log";
import { route } from "@/lib/server/route";

/** GET /api/audit/actors: members and everyone who acted in the workspace, for the actor filter. */
export const GET = route({ permission: "audit.read" }, ({ ctx }) => auditActors(ctx));
