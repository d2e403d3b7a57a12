import { diffQuerySchema } from "@/lib/schemas/flows";
import { diffFlow } from "@/lib/server/flow-versions";
import { idParams, route } from "@/lib/server/route";

/** GET /api/flows/:id/diff?from=<versionId|draft>&to=<versionId|draft>: what changed (to defaults to the draft). */
export const GET = route(
  { permission: "workspace.read", params: idParams, query: diffQuerySchema },
  ({ ctx, params, query }) => diffFlow(ctx, params.id, query),
);
