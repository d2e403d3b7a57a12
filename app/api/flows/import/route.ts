import { z } from "zod";
import { IMPORT_BODY_LIMIT } from "@/lib/schemas/flows";
import { importFlow } from "@/lib/server/flows";
import { created, route } from "@/lib/server/route";

/** POST /api/flows/import: a new flow from an exported document (parsed, never executed). */
export const POST = route(
  { permission: "flow.edit", body: z.unknown(), maxBodyBytes: IMPORT_BODY_LIMIT },
  async ({ ctx, body }) => created(await importFlow(ctx, body)),
);
