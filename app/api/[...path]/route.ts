import { errorResponse, errors } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Unknown /api paths: 401 without a session, 404 with one (JSON either way). */
const unknown = route({ auth: "user", allowPendingPasswordChange: true }, async () => {
  throw errors.notFound("API route");
});

/** Run API paths in the wrong case (`/api/V1/...`) answer API-key callers a public JSON 404. */
const handler: typeof unknown = async (request, context) =>
  /^\/api\/v1(\/|$)/i.test(new URL(request.url).pathname)
    ? errorResponse(errors.notFound("API route (paths are case-sensitive)"))
    : unknown(request, context);

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
