import { apiKeyRoute } from "@/lib/server/api-keys/api-route";
import { loadEndpointRun } from "@/lib/server/endpoint-runs/read";
import { idParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/runs/{id}: status, output, usage and cost of a run the key may see. */
export const GET = apiKeyRoute({ params: idParams }, async ({ caller, params }) =>
  Response.json({ run: await loadEndpointRun(caller, params.id) }),
);
