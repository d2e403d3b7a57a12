import { Prisma } from "./generated/client";
import { getDb } from "./client";

/** What an audit log page selects; every field is optional except the workspace and page size. */
export interface AuditLogFilter {
  workspaceId: string;
  /** Action names or dotted prefixes ("flow" matches "flow.created"); any of them matches. */
  actions?: string[];
  actorId?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive UTC instants (ISO). */
  from?: string;
  to?: string;
  /** Rows strictly after this event in (createdAt desc, id desc) order. */
  after?: { createdAt: string; id: string };
  limit: number;
}

/** One audit event as the log reads it, with its actor's name (null for a deleted user or none). */
export interface AuditLogRow {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string;
  targetId: string | null;
  /** The target's current name (a member's user name), or null when it is gone or has none. */
  targetName: string | null;
  before: unknown;
  after: unknown;
  /** True when a snapshot was left out of a list row for its size (read the event alone for it). */
  truncated: boolean;
  createdAt: Date;
}

/** A member or former actor of a workspace, for the actor filter. */
export interface AuditActorRow {
  id: string;
  name: string;
  email: string;
}

/** Snapshots larger than this (as JSON text) are left out of list rows. */
export const LIST_SNAPSHOT_MAX_BYTES = 32_768;

/** Where the current name of each kind of target lives (constant identifiers, never user input). */
const TARGET_NAMES: Record<string, { table: string; column: string }> = {
  flow: { table: "Flow", column: "name" },
  prompt: { table: "Prompt", column: "name" },
  model_connection: { table: "ModelConnection", column: "name" },
  secret: { table: "Secret", column: "name" },
  endpoint: { table: "Endpoint", column: "slug" },
  api_key: { table: "ApiKey", column: "name" },
  change_request: { table: "ChangeRequest", column: "title" },
};

/** The target's current name: one primary-key lookup in the workspace per listed row. */
function targetName(): Prisma.Sql {
  const named = Object.entries(TARGET_NAMES).map(
    ([type, { table, column }]) => Prisma.sql`WHEN ${type} THEN (
      SELECT t.${Prisma.raw(`"${column}"`)} FROM ${Prisma.raw(`"${table}"`)} t
      WHERE t.id = e."targetId" AND t."workspaceId" = e."workspaceId")`,
  );
  return Prisma.sql`CASE e."targetType" ${Prisma.join(named, " ")}
    WHEN 'membership' THEN (
      SELECT mu.name FROM "Membership" m JOIN "User" mu ON mu.id = m."userId"
      WHERE m.id = e."targetId" AND m."workspaceId" = e."workspaceId")
    END`;
}

const utc = (iso: string) => Prisma.sql`(${iso}::timestamptz AT TIME ZONE 'UTC')`;

function actionCondition(actions: string[]): Prisma.Sql {
  const parts = actions.map(
    (action) => Prisma.sql`(e.action = ${action} OR starts_with(e.action, ${`${action}.`}))`,
  );
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

function conditions(f: AuditLogFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`e."workspaceId" = ${f.workspaceId}`];
  if (f.actions?.length) parts.push(actionCondition(f.actions));
  if (f.actorId) parts.push(Prisma.sql`e."actorId" = ${f.actorId}`);
  if (f.targetType) parts.push(Prisma.sql`e."targetType" = ${f.targetType}`);
  if (f.targetId) parts.push(Prisma.sql`e."targetId" = ${f.targetId}`);
  if (f.from) parts.push(Prisma.sql`e."createdAt" >= ${utc(f.from)}`);
  if (f.to) parts.push(Prisma.sql`e."createdAt" <= ${utc(f.to)}`);
  if (f.after) {
    parts.push(Prisma.sql`(e."createdAt", e.id) < (${utc(f.after.createdAt)}, ${f.after.id})`);
  }
  return Prisma.join(parts, " AND ");
}

/** The event columns with the actor's name; with `maxBytes`, larger snapshots come back null and flagged. */
function selectEvents(maxBytes: number | null): Prisma.Sql {
  const snapshots =
    maxBytes === null
      ? Prisma.sql`e.before, e.after, false AS truncated`
      : Prisma.sql`
      CASE WHEN octet_length(e.before::text) <= ${maxBytes} THEN e.before END AS before,
      CASE WHEN octet_length(e.after::text) <= ${maxBytes} THEN e.after END AS after,
      COALESCE(octet_length(e.before::text) > ${maxBytes}, false)
        OR COALESCE(octet_length(e.after::text) > ${maxBytes}, false) AS truncated`;
  return Prisma.sql`
    SELECT e.id, e.action, e."actorId", u.name AS "actorName", e."targetType", e."targetId",
      ${targetName()} AS "targetName", ${snapshots}, e."createdAt"
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u.id = e."actorId"`;
}

/**
 * A keyset page of a workspace's audit events, newest first (createdAt desc, id desc); reads up
 * to `limit` rows (ask for one more to detect a next page).
 */
export function listAuditPage(f: AuditLogFilter): Promise<AuditLogRow[]> {
  return getDb().$queryRaw<AuditLogRow[]>`
    ${selectEvents(LIST_SNAPSHOT_MAX_BYTES)}
    WHERE ${conditions(f)}
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${f.limit}`;
}

/** One audit event of a workspace with its whole snapshots, or null. */
export async function findAuditEvent(workspaceId: string, id: string): Promise<AuditLogRow | null> {
  const rows = await getDb().$queryRaw<AuditLogRow[]>`
    ${selectEvents(null)}
    WHERE e."workspaceId" = ${workspaceId} AND e.id = ${id}`;
  return rows[0] ?? null;
}

/** The workspace's members and everyone who acted in its audit log, by name. */
export function listAuditActors(workspaceId: string): Promise<AuditActorRow[]> {
  return getDb().$queryRaw<AuditActorRow[]>`
    SELECT u.id, u.name, u.email
    FROM "User" u
    WHERE u.id IN (SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = ${workspaceId})
      OR u.id IN (
        SELECT DISTINCT a."actorId" FROM "AuditEvent" a
        WHERE a."workspaceId" = ${workspaceId} AND a."actorId" IS NOT NULL)
    ORDER BY lower(u.name), u.email`;
}
