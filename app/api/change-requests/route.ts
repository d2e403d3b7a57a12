import {
  changeRequestListQuerySchema,
  createChangeRequestSchema,
} from "@/lib/schemas/change-requests";
import { changeRequestsOf, openChangeRequest } from "@/lib/server/governance/change-requests";
import { created, route } from "@/lib/server/route";

/** GET /api/change-requests?status=&kind=&cursor=: newest first, keyset pages. */
export const GET = route(
  { permission: "workspace.read", query: changeRequestListQuerySchema },
  ({ ctx, query }) => changeRequestsOf(ctx, query),
);

/** POST /api/change-requests: propose a change for approval; 201 with the request's detail. */
export const POST = route(
  { permission: "prompt.edit", body: createChangeRequestSchema },
  async ({ ctx, body }) => created(await openChangeRequest(ctx, body)),
);
