import { setEndpointState } from "@/lib/server/endpoints/endpoints";
import { idParams, route } from "@/lib/server/route";

/** POST /api/endpoints/:id/resume: the endpoint takes calls again. */
export const POST = route(
  { permission: "endpoint.manage", params: idParams },
  async ({ ctx, params }) => ({
    endpoint: await setEndpointState(ctx, params.id, "active"),
  }),
);
