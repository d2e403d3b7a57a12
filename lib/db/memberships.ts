import type { Role } from "@/lib/schemas/identity";
import { getDb } from "./client";
import type { Prisma } from "./generated/client.ts";

/** A user's membership of one workspace. */
export interface MembershipRecord {
  id: string;
  workspaceId: string;
  workspaceName: string;
  roles: Role[];
}

/** Every workspace a user belongs to, oldest first. */
export async function listMembershipsOfUser(userId: string): Promise<MembershipRecord[]> {
  const rows = await getDb().membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, workspaceId: true, roles: true, workspace: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspaceId,
    workspaceName: row.workspace.name,
    roles: row.roles as Role[],
  }));
}

/** A workspace member as listed on the Members page. */
export interface MemberRecord {
  id: string;
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  mustChangePassword: boolean;
  createdAt: Date;
}

const memberSelect = {
  id: true,
  userId: true,
  roles: true,
  createdAt: true,
  user: { select: { email: true, name: true, mustChangePassword: true } },
} as const;

type MemberRow = {
  id: string;
  userId: string;
  roles: string[];
  createdAt: Date;
  user: { email: string; name: string; mustChangePassword: boolean };
};

function toMember(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    roles: row.roles as Role[],
    mustChangePassword: row.user.mustChangePassword,
    createdAt: row.createdAt,
  };
}

/** Members of a workspace, by name. */
export async function listMembers(workspaceId: string): Promise<MemberRecord[]> {
  const rows = await getDb().membership.findMany({
    where: { workspaceId },
    orderBy: { user: { name: "asc" } },
    select: memberSelect,
  });
  return rows.map(toMember);
}

/** One member of a workspace (null when the id belongs to another workspace). */
export async function findMember(
  workspaceId: string,
  membershipId: string,
): Promise<MemberRecord | null> {
  const row = await getDb().membership.findFirst({
    where: { id: membershipId, workspaceId },
    select: memberSelect,
  });
  return row ? toMember(row) : null;
}

/** Adds a member: creates the user with a temporary password, or links an existing user. */
export async function addMember(
  workspaceId: string,
  input: { email: string; name: string; roles: Role[]; passwordHash: string },
): Promise<MemberRecord> {
  return getDb().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true },
    });
    const userId =
      existing?.id ??
      (
        await tx.user.create({
          data: {
            email: input.email,
            name: input.name,
            passwordHash: input.passwordHash,
            mustChangePassword: true,
          },
          select: { id: true },
        })
      ).id;
    const row = await tx.membership.create({
      data: { userId, workspaceId, roles: input.roles },
      select: memberSelect,
    });
    return toMember(row);
  });
}

/** Raised (and the change rolled back) when a role change or removal would leave a workspace without an admin. */
export class LastAdminError extends Error {
  constructor() {
    super("A workspace needs at least one admin.");
  }
}

/**
 * Runs a membership change in a transaction serialised per workspace (row lock on the workspace),
 * and rolls it back if no admin is left, so two concurrent demotions cannot both pass the check.
 */
function changeKeepingAdmin<T>(
  workspaceId: string,
  change: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
    const result = await change(tx);
    if ((await tx.membership.count({ where: { workspaceId, roles: { has: "admin" } } })) === 0)
      throw new LastAdminError();
    return result;
  });
}

/** Replaces a member's role set; throws LastAdminError instead of removing the last admin role. */
export async function updateMemberRoles(
  workspaceId: string,
  membershipId: string,
  roles: Role[],
): Promise<MemberRecord> {
  return changeKeepingAdmin(workspaceId, async (tx) =>
    toMember(
      await tx.membership.update({
        where: { id: membershipId, workspaceId },
        data: { roles },
        select: memberSelect,
      }),
    ),
  );
}

/** Removes a membership (the user keeps their other workspaces); throws LastAdminError for the last admin. */
export async function removeMember(workspaceId: string, membershipId: string): Promise<void> {
  await changeKeepingAdmin(workspaceId, (tx) =>
    tx.membership.delete({ where: { id: membershipId, workspaceId } }),
  );
}

/** How many members of a workspace hold the admin role. */
export function countAdmins(workspaceId: string): Promise<number> {
  return getDb().membership.count({ where: { workspaceId, roles: { has: "admin" } } });
}
