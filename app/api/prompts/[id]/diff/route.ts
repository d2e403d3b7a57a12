import { promptDiffQuerySchema } from "@/lib/schemas/prompt-library";
import { diffVersions } from "@/lib/server/prompts/versions";
import { idParams, route } from "@/lib/server/route";

/** GET /api/prompts/:id/diff?from=N&to=M: template lines and model/parameter fields that differ. */
export const GET = route(
  { permission: "workspace.read", params: idParams, query: promptDiffQuerySchema },
  ({ ctx, params, query }) => diffVersions(ctx, params.id, query),
);
