import { reviseChangeRequestSchema } from "@/lib/schemas/change-requests";
import { revise } from "@/lib/server/governance/decisions";
import { idParams, route } from "@/lib/server/route";

/** POST /api/change-requests/:id/revise: the author points it at another version; approvals so far are invalidated. */
export const POST = route(
  { permission: "prompt.edit", params: idParams, body: reviseChangeRequestSchema },
  ({ ctx, params, body }) => revise(ctx, params.id, body),
);
