import { getDb } from "./client";
import type { Prisma } from "./generated/client.ts";

type Tx = Prisma.TransactionClient;

/** The built-in offline model connection every workspace has. */
export const SIMULATED_CONNECTION = {
  name: "simulated",
  provider: "simulated",
  models: ["sim-small", "sim-large"],
  maxConcurrent: 50,
  requestsPerMinute: 100_000,
} as const;

/** Creates a workspace with the given user as admin and the built-in Simulated connection. */
export async function createWorkspaceIn(
  tx: Tx,
  name: string,
  adminUserId: string,
): Promise<{ id: string; name: string }> {
  const workspace = await tx.workspace.create({ data: { name }, select: { id: true, name: true } });
  await tx.membership.create({
    data: { workspaceId: workspace.id, userId: adminUserId, roles: ["admin"] },
  });
  await tx.modelConnection.create({
    data: {
      ...SIMULATED_CONNECTION,
      models: [...SIMULATED_CONNECTION.models],
      workspaceId: workspace.id,
      builtIn: true,
    },
  });
  return workspace;
}

/** Creates a workspace owned by an existing user. */
export function createWorkspace(
  name: string,
  adminUserId: string,
): Promise<{ id: string; name: string }> {
  return getDb().$transaction((tx) => createWorkspaceIn(tx, name, adminUserId));
}

/** Appends an audit event; inside a transaction when one is given. */
export async function recordAuditIn(
  tx: Tx,
  event: {
    workspaceId: string | null;
    actorId: string | null;
    action: string;
    targetType: string;
    targetId?: string | null;
    before?: Prisma.InputJsonValue;
    after?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await tx.auditEvent.create({ data: event });
}
