import { getEndpoint, removeEndpoint } from "@/lib/server/endpoints/endpoints";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/endpoints/:id: one endpoint with its 24 h traffic. */
export const GET = route(
  { permission: "workspace.read", params: idParams },
  async ({ ctx, params }) => ({
    endpoint: await getEndpoint(ctx, params.id),
  }),
);

/** DELETE /api/endpoints/:id: the slug stops answering; runs stay in history. */
export const DELETE = route(
  { permission: "endpoint.manage", params: idParams },
  ({ ctx, params }) => removeEndpoint(ctx, params.id),
);
