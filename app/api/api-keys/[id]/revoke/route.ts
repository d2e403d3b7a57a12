import { revokeKey } from "@/lib/server/api-keys/keys";
import { idParams, route } from "@/lib/server/route";

/** POST /api/api-keys/:id/revoke: the key stops working at once; its runs keep its name. */
export const POST = route(
  { permission: "apiKey.manage", params: idParams },
  async ({ ctx, params }) => ({
    apiKey: await revokeKey(ctx, params.id),
  }),
);
