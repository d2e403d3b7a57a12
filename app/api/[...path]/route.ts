import { errors } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Unknown /api paths: 401 without a session, 404 with one (JSON either way). */
const unknown = route({ auth: "user", allowPendingPasswordChange: true }, async () => {
  throw errors.notFound("API route");
});

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
