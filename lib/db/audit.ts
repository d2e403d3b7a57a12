import { getDb } from "./client";
import { recordAuditIn } from "./workspaces";

/** An append-only audit entry; values must already be free of secrets. */
export type AuditInput = Parameters<typeof recordAuditIn>[1];

/** Appends an audit event. */
export function recordAudit(event: AuditInput): Promise<void> {
  return recordAuditIn(getDb(), event);
}
