import { auditLogQuerySchema } from "@/lib/schemas/audit-log";
import { listAuditEvents } from "@/lib/server/audit-log";
import { route } from "@/lib/server/route";

/**
 * GET /api/audit: a keyset page of the workspace's audit events, newest first, filtered by action
 * (names or prefixes), actor, target and date range. The log is read-only: no route changes it.
 */
export const GET = route(
  { permission: "audit.read", query: auditLogQuerySchema },
  ({ ctx, query }) => listAuditEvents(ctx, query),
);
