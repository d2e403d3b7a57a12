import { errorResponse, errors } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

/** Unknown run API paths (including `/API/V1/...` look-alikes, routed here by the proxy): JSON 404. */
async function unknown(): Promise<Response> {
  return errorResponse(errors.notFound("API route (paths are case-sensitive)"));
}

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
