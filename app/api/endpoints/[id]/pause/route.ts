import { setEndpointState } from "@/lib/server/endpoints/endpoints";
import { idParams, route } from "@/lib/server/route";

/** POST /api/endpoints/:id/pause: new calls get 503 with Retry-After; runs in flight finish. */
export const POST = route(
  { permission: "endpoint.manage", params: idParams },
  async ({ ctx, params }) => ({
    endpoint: await setEndpointState(ctx, params.id, "paused"),
  }),
);
