import type { z } from "zod";
import {
  addMember as insertMember,
  countAdmins,
  findMember,
  LastAdminError,
  listMembers,
  listMembershipsOfUser,
  removeMember as deleteMembership,
  updateMemberRoles,
  type MemberRecord,
} from "@/lib/db/memberships";
import { setPassword } from "@/lib/db/users";
import type { addMemberSchema, MemberDto, Role } from "@/lib/schemas/identity";
import { audit } from "./audit";
import { errors } from "./errors";
import { hashPassword } from "./passwords";
import type { WorkspaceContext } from "./workspace-context";

function toDto(member: MemberRecord): MemberDto {
  return { ...member, createdAt: member.createdAt.toISOString() };
}

async function memberOr404(ctx: WorkspaceContext, id: string): Promise<MemberRecord> {
  const member = await findMember(ctx.workspace.id, id);
  if (!member) throw errors.notFound("Member");
  return member;
}

/** The database re-checks the last-admin rule atomically; a lost race becomes the same 409. */
function lastAdminConflict(error: unknown): never {
  if (error instanceof LastAdminError)
    throw errors.conflict("A workspace needs at least one admin.");
  throw error;
}

async function assertAdminRemains(
  ctx: WorkspaceContext,
  member: MemberRecord,
  nextRoles: Role[],
): Promise<void> {
  if (
    member.roles.includes("admin") &&
    !nextRoles.includes("admin") &&
    (await countAdmins(ctx.workspace.id)) <= 1
  ) {
    throw errors.conflict("A workspace needs at least one admin.");
  }
}

/** Members of the active workspace. */
export async function membersOf(ctx: WorkspaceContext): Promise<MemberDto[]> {
  return (await listMembers(ctx.workspace.id)).map(toDto);
}

/** Adds a member with a temporary password (or links an existing user, who keeps theirs). */
export async function addMember(
  ctx: WorkspaceContext,
  input: z.output<typeof addMemberSchema>,
): Promise<MemberDto> {
  if ((await listMembers(ctx.workspace.id)).some((m) => m.email === input.email)) {
    throw errors.conflict(`${input.email} is already a member of this workspace.`, {
      issues: [{ path: "email", message: "Already a member" }],
    });
  }
  const member = await insertMember(ctx.workspace.id, {
    email: input.email,
    name: input.name,
    roles: input.roles,
    passwordHash: await hashPassword(input.temporaryPassword),
  });
  await audit(
    ctx,
    "member.added",
    { type: "membership", id: member.id },
    {
      after: { email: member.email, roles: member.roles },
    },
  );
  return toDto(member);
}

/** Replaces a member's roles; the last admin cannot lose the admin role. */
export async function changeMemberRoles(
  ctx: WorkspaceContext,
  id: string,
  roles: Role[],
): Promise<MemberDto> {
  const member = await memberOr404(ctx, id);
  await assertAdminRemains(ctx, member, roles);
  const updated = await updateMemberRoles(ctx.workspace.id, id, roles).catch(lastAdminConflict);
  await audit(
    ctx,
    "member.roles_changed",
    { type: "membership", id },
    {
      before: { roles: member.roles },
      after: { roles },
    },
  );
  return toDto(updated);
}

/** Removes a member from the workspace; not yourself, and not the last admin. */
export async function removeMember(ctx: WorkspaceContext, id: string): Promise<void> {
  const member = await memberOr404(ctx, id);
  if (member.userId === ctx.user.id)
    throw errors.conflict("You cannot remove yourself from the workspace.");
  await assertAdminRemains(ctx, member, []);
  await deleteMembership(ctx.workspace.id, id).catch(lastAdminConflict);
  await audit(
    ctx,
    "member.removed",
    { type: "membership", id },
    {
      before: { email: member.email, roles: member.roles },
    },
  );
}

/**
 * Sets a temporary password the member must change at next sign-in; ends their sessions. Refused
 * when the member also belongs to a workspace the caller does not administer: knowing the new
 * password would let this workspace's admin into that workspace as the member.
 */
export async function resetMemberPassword(
  ctx: WorkspaceContext,
  id: string,
  temporaryPassword: string,
): Promise<void> {
  const member = await memberOr404(ctx, id);
  const administered = new Set(
    ctx.memberships.filter((m) => m.roles.includes("admin")).map((m) => m.workspaceId),
  );
  administered.add(ctx.workspace.id);
  if ((await listMembershipsOfUser(member.userId)).some((m) => !administered.has(m.workspaceId))) {
    throw errors.conflict(
      `${member.email} also belongs to workspaces you do not administer; they must change their own password.`,
    );
  }
  await setPassword(member.userId, await hashPassword(temporaryPassword), true);
  await audit(ctx, "member.password_reset", { type: "membership", id });
}
