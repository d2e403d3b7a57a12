import { getDb } from "@/lib/db/client";
import { listMembershipsOfUser } from "@/lib/db/memberships";
import { findUserById, type UserRecord } from "@/lib/db/users";
import { createWorkspace } from "@/lib/db/workspaces";
import type { WorkspaceContext } from "@/lib/server/workspace-context";

let counter = 0;

/** A unique, lower-case email address for this test process. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}@example.test`;
}

/** Inserts a user row (no password) and returns it as services see it. */
export async function createTestUser(
  email = uniqueEmail(),
  name = "Test User",
): Promise<UserRecord> {
  const { id } = await getDb().user.create({ data: { email, name }, select: { id: true } });
  return (await findUserById(id))!;
}

/** Builds the WorkspaceContext a request by `userId` in `workspaceId` would get (roles read from the database). */
export async function contextFor(userId: string, workspaceId: string): Promise<WorkspaceContext> {
  const user = await findUserById(userId);
  if (!user) throw new Error(`No user ${userId}`);
  const memberships = await listMembershipsOfUser(userId);
  const active = memberships.find((m) => m.workspaceId === workspaceId);
  if (!active) throw new Error(`User ${userId} is not a member of ${workspaceId}`);
  return {
    user,
    workspace: { id: active.workspaceId, name: active.workspaceName },
    roles: active.roles,
    memberships,
  };
}

/**
 * A new workspace (with its built-in Simulated connection) whose admin is a new user; returns the
 * admin's context.
 */
export async function createAdminContext(
  workspaceName = "Test workspace",
): Promise<WorkspaceContext> {
  const admin = await createTestUser(uniqueEmail("admin"), "Admin");
  const workspace = await createWorkspace(workspaceName, admin.id);
  return contextFor(admin.id, workspace.id);
}

/** Every audit event of a workspace, oldest first. */
export function auditEventsOf(workspaceId: string) {
  return getDb().auditEvent.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Empties every application table (keeps the migration record), for tests that need a fresh install. */
export async function truncateAllTables(): Promise<void> {
  const rows = await getDb().$queryRaw<{ name: string }[]>`
    SELECT tablename::text AS name FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_trellis_migrations'`;
  if (rows.length === 0) return;
  await getDb().$executeRawUnsafe(
    `TRUNCATE TABLE ${rows.map((r) => `"${r.name}"`).join(", ")} CASCADE`,
  );
}
