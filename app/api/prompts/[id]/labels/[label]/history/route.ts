import { promptLabelParams } from "@/lib/schemas/prompt-library";
import { labelHistory } from "@/lib/server/prompts/labels";
import { route } from "@/lib/server/route";

/** GET /api/prompts/:id/labels/:label/history: the label's moves, newest first. */
export const GET = route(
  { permission: "workspace.read", params: promptLabelParams },
  async ({ ctx, params }) => ({ moves: await labelHistory(ctx, params.id, params.label) }),
);
