import { costsQuerySchema } from "@/lib/schemas/costs";
import { costsReport } from "@/lib/server/costs/report";
import { route } from "@/lib/server/route";

/** GET /api/costs?from&to&flowId: spend, tokens, latency and reliability of the range (UTC days). */
export const GET = route(
  { permission: "workspace.read", query: costsQuerySchema },
  ({ ctx, query }) => costsReport(ctx, query),
);
