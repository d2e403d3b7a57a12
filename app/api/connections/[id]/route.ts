import { updateConnectionSchema } from "@/lib/schemas/settings";
import { deleteConnection, editConnection } from "@/lib/server/connections";
import { idParams, route } from "@/lib/server/route";

/** PATCH /api/connections/:id: update a connection; a new base URL needs the key again. */
export const PATCH = route(
  { permission: "connection.manage", params: idParams, body: updateConnectionSchema },
  async ({ ctx, params, body }) => ({ connection: await editConnection(ctx, params.id, body) }),
);

/** DELETE /api/connections/:id. */
export const DELETE = route(
  { permission: "connection.manage", params: idParams },
  async ({ ctx, params }) => {
    await deleteConnection(ctx, params.id);
  },
);
