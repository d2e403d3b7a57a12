import type { Role } from "@/lib/schemas/identity";
import { getDb } from "./client";

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
export async function findMember(workspaceId: string, membershipId: string): Promise<MemberRecord | null> {
  const row = await getDb().membership.findFirst({ where: { id: membershipId, workspaceId }, select: memberSelect });
  return row ? toMember(row) : null;
}

/** Adds a member: creates the user with a temporary password, or links an existing user. */
export async function addMember(
  workspaceId: string,
  input: { email: string; name: string; roles: Role[]; passwordHash: string },
): Promise<MemberRecord> {
  return getDb().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    const userId =
      existing?.id ??
      (
        await tx.user.create({
          data: { email: input.email, name: input.name, passwordHash: input.passwordHash, mustChangePassword: true },
          select: { id: true },
        })
      ).id;
    const row = await tx.membership.create({ data: { userId, workspaceId, roles: input.roles }, select: memberSelect });
    return toMember(row);
  });
}

/** Replaces a member's role set. */
export async function updateMemberRoles(workspaceId: string, membershipId: string, roles: Role[]): Promise<MemberRecord> {
  const row = await getDb().membership.update({
    where: { id: membershipId, workspaceId },
    data: { roles },
    select: memberSelect,
  });
  return toMember(row);
}

/** Removes a membership (the user keeps their other workspaces). */
export async function removeMember(workspaceId: string, membershipId: string): Promise<void> {
  await getDb().membership.delete({ where: { id: membershipId, workspaceId } });
}

/** How many members of a workspace hold the admin role. */
export function countAdmins(workspaceId: string): Promise<number> {
  return getDb().membership.count({ where: { workspaceId, roles: { has: "admin" } } });
}
