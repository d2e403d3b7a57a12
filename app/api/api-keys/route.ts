import { createApiKeySchema } from "@/lib/schemas/api-keys";
import { createKey, listApiKeyDtos } from "@/lib/server/api-keys/keys";
import { created, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/api-keys: the workspace's keys (never their secrets), newest first. */
export const GET = route({ permission: "apiKey.manage" }, async ({ ctx }) => ({
  apiKeys: await listApiKeyDtos(ctx),
}));

/** POST /api/api-keys: a new key; the secret and webhook secret are in this answer only. */
export const POST = route(
  { permission: "apiKey.manage", body: createApiKeySchema },
  async ({ ctx, body }) => created(await createKey(ctx, body)),
);
