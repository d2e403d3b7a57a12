import {
  findAuditEvent,
  listAuditActors,
  listAuditPage,
  type AuditLogRow,
} from "@/lib/db/audit-log";
import type {
  AuditActorOption,
  AuditEventDto,
  AuditLogPage,
  AuditLogQuery,
} from "@/lib/schemas/audit-log";
import { keysetPage } from "@/lib/schemas/list-query";
import { errors } from "./errors";
import type { WorkspaceContext } from "./workspace-context";

function toDto(row: AuditLogRow): AuditEventDto {
  return {
    id: row.id,
    action: row.action,
    actor: row.actorId ? { id: row.actorId, name: row.actorName } : null,
    target: { type: row.targetType, id: row.targetId, name: row.targetName },
    before: row.before ?? null,
    after: row.after ?? null,
    truncated: row.truncated,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A page of the active workspace's audit events matching the query, newest first; `nextCursor`
 * points after the last row when more rows match. There is no way to change or remove an event.
 */
export async function listAuditEvents(
  ctx: WorkspaceContext,
  query: AuditLogQuery,
): Promise<AuditLogPage> {
  const { cursor, limit, action, ...filters } = query;
  const rows = await listAuditPage({
    ...filters,
    actions: action,
    workspaceId: ctx.workspace.id,
    after: cursor,
    limit: limit + 1,
  });
  return keysetPage(rows, limit, toDto);
}

/** One audit event of the active workspace with its whole snapshots, or a 404. */
export async function auditEventOr404(ctx: WorkspaceContext, id: string): Promise<AuditEventDto> {
  const row = await findAuditEvent(ctx.workspace.id, id);
  if (!row) throw errors.notFound("Audit event");
  return toDto(row);
}

/** The people the actor filter offers: members and anyone who acted in the workspace. */
export async function auditActors(ctx: WorkspaceContext): Promise<{ actors: AuditActorOption[] }> {
  return { actors: await listAuditActors(ctx.workspace.id) };
}
