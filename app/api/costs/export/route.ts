import { costsExportQuerySchema } from "@/lib/schemas/costs";
import { costsCsv } from "@/lib/server/costs/export";
import { route } from "@/lib/server/route";

/** GET /api/costs/export?view=day|flow|model|node&from&to&flowId: that table as a streamed CSV download. */
export const GET = route(
  { permission: "workspace.read", query: costsExportQuerySchema },
  async ({ ctx, query: { view, ...range } }) => {
    const { fileName, stream } = costsCsv(ctx, view, range);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
