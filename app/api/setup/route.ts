import { setupSchema } from "@/lib/schemas/identity";
import { created, route } from "@/lib/server/route";
import { completeSetup } from "@/lib/server/setup";

/** POST /api/setup: creates the first admin and example workspace; 409 once a user exists. */
export const POST = route({ auth: "public", body: setupSchema }, async ({ body }) => {
  const result = await completeSetup(body);
  return created({ ok: true, workspaceId: result.workspaceId });
});
