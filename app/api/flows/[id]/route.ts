import { updateFlowSchema } from "@/lib/schemas/flows";
import { editFlow, flowDetail, removeFlow } from "@/lib/server/flows";
import { idParams, route } from "@/lib/server/route";

/** GET /api/flows/:id: the draft with its validation issues. */
export const GET = route({ permission: "workspace.read", params: idParams }, ({ ctx, params }) =>
  flowDetail(ctx, params.id),
);

/** PATCH /api/flows/:id: applies only at the stored `revision`, else 409 with the current one. */
export const PATCH = route(
  { permission: "flow.edit", params: idParams, body: updateFlowSchema },
  ({ ctx, params, body }) => editFlow(ctx, params.id, body),
);

/** DELETE /api/flows/:id: with its versions and runs; 409 while an endpoint publishes it. */
export const DELETE = route({ permission: "flow.edit", params: idParams }, ({ ctx, params }) =>
  removeFlow(ctx, params.id),
);
