import { z } from "zod";
import { apiKeyRoute } from "@/lib/server/api-keys/api-route";
import { runEndpoint } from "@/lib/server/endpoint-runs/respond";

export const dynamic = "force-dynamic";

/** POST /api/v1/flows/{slug}/run: run a published endpoint with an API key (sync, async or stream). */
export const POST = apiKeyRoute(
  { params: z.object({ slug: z.string().min(1).max(63) }) },
  ({ request, caller, params }) => runEndpoint(caller, params.slug, request),
);
