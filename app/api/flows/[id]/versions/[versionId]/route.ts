import { versionParams } from "@/lib/schemas/flows";
import { versionDetail } from "@/lib/server/flow-versions";
import { route } from "@/lib/server/route";

/** GET /api/flows/:id/versions/:versionId: one version with its graph. */
export const GET = route(
  { permission: "workspace.read", params: versionParams },
  async ({ ctx, params }) => ({ version: await versionDetail(ctx, params.id, params.versionId) }),
);
