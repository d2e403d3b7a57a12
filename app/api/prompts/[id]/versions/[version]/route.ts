import { promptVersionParams } from "@/lib/schemas/prompt-library";
import { versionOr404 } from "@/lib/server/prompts/versions";
import { route } from "@/lib/server/route";

/** GET /api/prompts/:id/versions/:version: one version by number with its variables. */
export const GET = route(
  { permission: "workspace.read", params: promptVersionParams },
  async ({ ctx, params }) => ({
    version: await versionOr404(ctx, params.id, { version: params.version }),
  }),
);
