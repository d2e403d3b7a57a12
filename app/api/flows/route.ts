import { createFlowSchema, listFlowsQuerySchema } from "@/lib/schemas/flows";
import { addFlow, flowsOf } from "@/lib/server/flows";
import { created, route } from "@/lib/server/route";

/** GET /api/flows: flows of the workspace; `?q=` searches names, `sort=updated|name`. */
export const GET = route(
  { permission: "workspace.read", query: listFlowsQuerySchema },
  async ({ ctx, query }) => ({ flows: await flowsOf(ctx, query) }),
);

/** POST /api/flows: a new flow (by default an Input wired to an Output). */
export const POST = route(
  { permission: "flow.edit", body: createFlowSchema },
  async ({ ctx, body }) => created({ flow: await addFlow(ctx, body) }),
);
