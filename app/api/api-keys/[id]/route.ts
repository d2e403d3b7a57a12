import { updateApiKeySchema } from "@/lib/schemas/api-keys";
import { updateKey } from "@/lib/server/api-keys/keys";
import { idParams, route } from "@/lib/server/route";

/** PATCH /api/api-keys/:id: rename, rescope or change the rate limit of an active key. */
export const PATCH = route(
  { permission: "apiKey.manage", params: idParams, body: updateApiKeySchema },
  async ({ ctx, params, body }) => ({ apiKey: await updateKey(ctx, params.id, body) }),
);
