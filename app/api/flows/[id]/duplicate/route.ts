import { duplicateFlow } from "@/lib/server/flows";
import { created, idParams, route } from "@/lib/server/route";

/** POST /api/flows/:id/duplicate: a copy of the draft named "<name> (copy)". */
export const POST = route({ permission: "flow.edit", params: idParams }, async ({ ctx, params }) =>
  created({ flow: await duplicateFlow(ctx, params.id) }),
);
