import { cancel } from "@/lib/server/governance/decisions";
import { idParams, route } from "@/lib/server/route";

/** POST /api/change-requests/:id/cancel: the author withdraws an open request. */
export const POST = route({ permission: "prompt.edit", params: idParams }, ({ ctx, params }) =>
  cancel(ctx, params.id),
);
