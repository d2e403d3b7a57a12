import { exportFlow } from "@/lib/server/flows";
import { idParams, route } from "@/lib/server/route";

/** GET /api/flows/:id/export: the portable `trellis.flow` document as a download. */
export const GET = route(
  { permission: "workspace.read", params: idParams },
  async ({ ctx, params }) => {
    const { fileName, document } = await exportFlow(ctx, params.id);
    return Response.json(document, {
      headers: { "Content-Disposition": `attachment; filename="${fileName}"` },
    });
  },
);
