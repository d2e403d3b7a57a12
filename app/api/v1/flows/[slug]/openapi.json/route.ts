import { z } from "zod";
import { endpointSlugSchema } from "@/lib/schemas/endpoints";
import { contractRoute } from "@/lib/server/openapi/contracts";
import { endpointDocument, serverUrlOf } from "@/lib/server/openapi/documents";

export const dynamic = "force-dynamic";

/** GET /api/v1/flows/{slug}/openapi.json: one endpoint's OpenAPI 3.1 document. */
export const GET = contractRoute(
  z.object({ slug: endpointSlugSchema }),
  (reader, { request, params }) => endpointDocument(reader, params.slug, serverUrlOf(request)),
);
