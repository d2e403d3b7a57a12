import { loginSchema } from "@/lib/schemas/identity";
import { clientAddress, signInWithPassword } from "@/lib/server/auth-service";
import { route } from "@/lib/server/route";

/** POST /api/login: password sign-in with throttling (401 wrong credentials, 429 with Retry-After). */
export const POST = route({ auth: "public", body: loginSchema }, async ({ body, request }) => {
  const result = await signInWithPassword(body.email, body.password, clientAddress(request));
  return { ok: true, ...result };
});
