import { createSecretSchema } from "@/lib/schemas/settings";
import { created, route } from "@/lib/server/route";
import { addSecret, secretsOf } from "@/lib/server/secrets";

/** GET /api/secrets: secret names (values are write-only). */
export const GET = route({ permission: "workspace.read" }, async ({ ctx }) => ({
  secrets: await secretsOf(ctx),
}));

/** POST /api/secrets: store a secret, encrypted at rest. */
export const POST = route(
  { permission: "secret.manage", body: createSecretSchema },
  async ({ ctx, body }) => created({ secret: await addSecret(ctx, body.name, body.value) }),
);
