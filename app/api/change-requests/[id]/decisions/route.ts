import { decisionSchema } from "@/lib/schemas/change-requests";
import { decide } from "@/lib/server/governance/decisions";
import { idParams, route } from "@/lib/server/route";

/** POST /api/change-requests/:id/decisions: approve or reject (never your own request). */
export const POST = route(
  { permission: "change.approve", params: idParams, body: decisionSchema },
  ({ ctx, params, body }) => decide(ctx, params.id, body),
);
