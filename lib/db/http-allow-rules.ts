import { getDb } from "./client";
import type { Prisma } from "./generated/client.ts";

/** An HTTP tool allow rule: an origin or URL prefix that may reach private or loopback addresses. */
export interface HttpAllowRuleRecord {
  id: string;
  prefix: string;
  note: string;
  createdAt: Date;
}

/** The allow rules of a workspace, by prefix. */
export function listHttpAllowRules(workspaceId: string): Promise<HttpAllowRuleRecord[]> {
  return getDb().httpAllowRule.findMany({
    where: { workspaceId },
    orderBy: { prefix: "asc" },
    select: { id: true, prefix: true, note: true, createdAt: true },
  });
}

/**
 * Adds an allow rule (the prefix already normalised by the caller); adding an existing prefix
 * again only updates its note. Pass a transaction client to add it inside a transaction (seeding).
 */
export function addHttpAllowRule(
  workspaceId: string,
  prefix: string,
  note = "",
  db: Prisma.TransactionClient = getDb(),
): Promise<HttpAllowRuleRecord> {
  return db.httpAllowRule.upsert({
    where: { workspaceId_prefix: { workspaceId, prefix } },
    create: { workspaceId, prefix, note },
    update: { note },
    select: { id: true, prefix: true, note: true, createdAt: true },
  });
}
