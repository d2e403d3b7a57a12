import { approvalsSummary } from "@/lib/server/governance/change-requests";
import { route } from "@/lib/server/route";

/** GET /api/approvals/summary: change requests the caller may decide and open review tasks (the inbox badge). */
export const GET = route({ permission: "workspace.read" }, ({ ctx }) => approvalsSummary(ctx));
