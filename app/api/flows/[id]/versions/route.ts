import { saveVersionSchema } from "@/lib/schemas/flows";
import { saveVersion, versionsOf } from "@/lib/server/flow-versions";
import { created, idParams, route } from "@/lib/server/route";

/** GET /api/flows/:id/versions: saved versions, newest first. */
export const GET = route(
  { permission: "workspace.read", params: idParams },
  async ({ ctx, params }) => ({ versions: await versionsOf(ctx, params.id) }),
);

/** POST /api/flows/:id/versions: snapshot the draft at `revision`; refused while it has errors. */
export const POST = route(
  { permission: "flow.edit", params: idParams, body: saveVersionSchema },
  async ({ ctx, params, body }) => created({ version: await saveVersion(ctx, params.id, body) }),
);
