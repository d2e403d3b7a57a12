import { updateSecretSchema } from "@/lib/schemas/settings";
import { idParams, route } from "@/lib/server/route";
import { deleteSecret, replaceSecret } from "@/lib/server/secrets";

/** PATCH /api/secrets/:id: replace the value. */
export const PATCH = route(
  { permission: "secret.manage", params: idParams, body: updateSecretSchema },
  async ({ ctx, params, body }) => ({ secret: await replaceSecret(ctx, params.id, body.value) }),
);

/** DELETE /api/secrets/:id. */
export const DELETE = route(
  { permission: "secret.manage", params: idParams },
  async ({ ctx, params }) => {
    await deleteSecret(ctx, params.id);
  },
);
