import { repointEndpointSchema } from "@/lib/schemas/endpoints";
import { repointEndpoint } from "@/lib/server/endpoints/endpoints";
import { idParams, route } from "@/lib/server/route";

/** POST /api/endpoints/:id/repoint: serve another version (403 approval_required for model or prompt changes). */
export const POST = route(
  { permission: "endpoint.manage", params: idParams, body: repointEndpointSchema },
  async ({ ctx, params, body }) => ({
    endpoint: await repointEndpoint(ctx, params.id, body.flowVersionId),
  }),
);
