import { createConnectionSchema } from "@/lib/schemas/settings";
import { addConnection, connectionsOf } from "@/lib/server/connections";
import { created, route } from "@/lib/server/route";

/** GET /api/connections: model connections of the workspace (keys never included). */
export const GET = route({ permission: "workspace.read" }, async ({ ctx }) => ({
  connections: await connectionsOf(ctx),
}));

/** POST /api/connections: add an OpenAI or OpenAI-compatible connection. */
export const POST = route(
  { permission: "connection.manage", body: createConnectionSchema },
  async ({ ctx, body }) => created({ connection: await addConnection(ctx, body) }),
);
