import { auditEventOr404 } from "@/lib/server/audit-log";
import { idParams, route } from "@/lib/server/route";

/** GET /api/audit/:id: one audit event with its whole before and after snapshots. */
export const GET = route({ permission: "audit.read", params: idParams }, ({ ctx, params }) =>
  auditEventOr404(ctx, params.id),
);
