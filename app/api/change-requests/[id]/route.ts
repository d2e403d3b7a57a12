import { changeRequestDetail } from "@/lib/server/governance/change-requests";
import { idParams, route } from "@/lib/server/route";

/** GET /api/change-requests/:id: summary, description, decisions, diff and what the caller may do. */
export const GET = route({ permission: "workspace.read", params: idParams }, ({ ctx, params }) =>
  changeRequestDetail(ctx, params.id),
);
