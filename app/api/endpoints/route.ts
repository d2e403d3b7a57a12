import { publishEndpointSchema } from "@/lib/schemas/endpoints";
import { listEndpointDtos, publishEndpoint } from "@/lib/server/endpoints/endpoints";
import { created, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/endpoints: the workspace's endpoints with version, status and 24 h traffic. */
export const GET = route({ permission: "workspace.read" }, async ({ ctx }) => ({
  endpoints: await listEndpointDtos(ctx),
}));

/** POST /api/endpoints: publish a saved flow version under a new slug. */
export const POST = route(
  { permission: "endpoint.manage", body: publishEndpointSchema },
  async ({ ctx, body }) => created({ endpoint: await publishEndpoint(ctx, body) }),
);
