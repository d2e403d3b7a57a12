import { z } from "zod";
import { cursorParam, dateBound, optionalParam, pageSizeParam, rangeInOrder } from "./list-query";

/** Rows per page unless `limit` says otherwise, and the most a page may hold. */
export const DEFAULT_AUDIT_PAGE_SIZE = 50;
export const MAX_AUDIT_PAGE_SIZE = 100;
/** The most action names or prefixes one query may list. */
export const MAX_AUDIT_ACTIONS = 20;

/** An action name or a dotted prefix of one: `flow`, `prompt.label`, `member.roles_changed`. */
const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** A comma-separated list of action names or prefixes, deduplicated ("flow,member.roles_changed"). */
const actionList = z
  .string()
  .max(1000)
  .transform((text, ctx) => {
    const items = [...new Set(text.split(",").map((item) => item.trim()))].filter(Boolean);
    const bad = items.find((item) => !ACTION_PATTERN.test(item) || item.length > 80);
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `"${bad.slice(0, 80)}" is not an action; use names like flow.created or prefixes like flow`,
      });
      return z.NEVER;
    }
    if (items.length > MAX_AUDIT_ACTIONS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_AUDIT_ACTIONS} actions` });
      return z.NEVER;
    }
    return items;
  });

const idSchema = z.string().trim().min(1).max(200, "At most 200 characters");

/**
 * GET /api/audit: filters and a keyset cursor. `action` lists action names or prefixes (any
 * matches); `from` and `to` come out as inclusive UTC instants (a `YYYY-MM-DD` day covers all of
 * itself).
 */
export const auditLogQuerySchema = z
  .strictObject({
    action: optionalParam(actionList),
    actorId: optionalParam(idSchema),
    targetType: optionalParam(
      z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "Use a target type like flow or membership"),
    ),
    targetId: optionalParam(idSchema),
    from: optionalParam(dateBound("start")),
    to: optionalParam(dateBound("end")),
    cursor: cursorParam,
    limit: pageSizeParam(MAX_AUDIT_PAGE_SIZE, DEFAULT_AUDIT_PAGE_SIZE),
  })
  .refine(rangeInOrder, { path: ["to"], message: "The end is before the start" });

/** A parsed GET /api/audit query. */
export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;

/** Who did something: a user (name null once the user is gone), or null for the system. */
export interface AuditActor {
  id: string;
  name: string | null;
}

/** One audit event: who did what to which target, when, and the target before and after. */
export interface AuditEventDto {
  id: string;
  action: string;
  actor: AuditActor | null;
  /** `name` is the target's current name (a member's user name), null once it is gone. */
  target: { type: string; id: string | null; name: string | null };
  /** Secret-free snapshots; null when the action has no such side (a creation has no before). */
  before: unknown;
  after: unknown;
  /** True in a list when a snapshot was too large to include; GET /api/audit/:id has it whole. */
  truncated: boolean;
  createdAt: string;
}

/** A page of GET /api/audit; `nextCursor` is null on the last page. */
export interface AuditLogPage {
  items: AuditEventDto[];
  nextCursor: string | null;
}

/** A person the actor filter offers: a member, or anyone who acted in the workspace. */
export interface AuditActorOption {
  id: string;
  name: string;
  email: string;
}
