import { errorResponse, errors } from "@/lib/server/errors";
import { benchPeerBodySchema, benchPeerCall } from "@/lib/server/bench/peer-call";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const handler = route({ auth: "public", body: benchPeerBodySchema }, ({ body, request }) =>
  benchPeerCall(body, request.signal),
);

/**
 * POST /api/bench/peer: `npm run bench:endpoint`'s peer (zod body, Simulated model, one INSERT).
 * Exists only when the server runs with TRELLIS_BENCH_PAGES=1, else 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.TRELLIS_BENCH_PAGES !== "1") return errorResponse(errors.notFound());
  return handler(request);
}
