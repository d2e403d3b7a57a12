import { restoreVersionSchema, versionParams } from "@/lib/schemas/flows";
import { restoreVersion } from "@/lib/server/flow-versions";
import { route } from "@/lib/server/route";

/** POST /api/flows/:id/versions/:versionId/restore: copy the version's graph into the draft at `revision`. */
export const POST = route(
  { permission: "flow.edit", params: versionParams, body: restoreVersionSchema },
  ({ ctx, params, body }) => restoreVersion(ctx, params.id, params.versionId, body),
);
