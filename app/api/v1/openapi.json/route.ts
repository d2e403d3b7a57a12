import { z } from "zod";
import { contractRoute } from "@/lib/server/openapi/contracts";
import { combinedDocument, serverUrlOf } from "@/lib/server/openapi/documents";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of the endpoints the key (or member) may see. */
export const GET = contractRoute(z.object({}), (reader, { request }) =>
  combinedDocument(reader, serverUrlOf(request)),
);
