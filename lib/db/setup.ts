import { getDb } from "./client";
import { seedExampleContent, type SeedContent } from "./seed";
import { createWorkspaceIn, recordAuditIn } from "./workspaces";

const SETUP_LOCK_KEY = 727_114_002;

/** The first admin's details, with the password already hashed. */
export interface FirstAdminInput {
  name: string;
  email: string;
  passwordHash: string;
  workspaceName: string;
  /** Example content for the first workspace. */
  examples: SeedContent;
}

/**
 * Creates the first admin, their workspace and its example content in one transaction.
 * Returns null when a user already exists (setup is closed); concurrent calls serialise on a lock.
 */
export async function createFirstAdmin(
  input: FirstAdminInput,
): Promise<{ userId: string; workspaceId: string } | null> {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
    if (await tx.user.findFirst({ select: { id: true } })) return null;
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash: input.passwordHash },
      select: { id: true },
    });
    const workspace = await createWorkspaceIn(tx, input.workspaceName, user.id);
    await seedExampleContent(tx, workspace.id, user.id, input.examples);
    await recordAuditIn(tx, {
      workspaceId: workspace.id,
      actorId: user.id,
      action: "setup.completed",
      targetType: "workspace",
      targetId: workspace.id,
      after: { workspaceName: workspace.name, adminEmail: input.email },
    });
    return { userId: user.id, workspaceId: workspace.id };
  });
}
