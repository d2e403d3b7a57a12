import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { setPassword } from "@/lib/db/users";
import { addMemberSchema, type Role } from "@/lib/schemas/identity";
import { expectApiError } from "@/test/api-error";
import { testDbKind, setupTestDatabase } from "@/test/database";
import { auditEventsOf, contextFor, createAdminContext, uniqueEmail } from "@/test/fixtures";
import {
  addMember,
  changeMemberRoles,
  membersOf,
  removeMember,
  resetMemberPassword,
} from "./members";
import { hashPassword, verifyPassword } from "./passwords";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

const TEMP_PASSWORD = "temporary-password-1";

let ctx: WorkspaceContext; // the admin of workspace A
let other: WorkspaceContext; // the admin of workspace B

function newMember(roles: Role[] = ["editor"], email = uniqueEmail("member")) {
  return addMemberSchema.parse({ email, name: "Member", roles, temporaryPassword: TEMP_PASSWORD });
}

function userRow(id: string) {
  return getDb().user.findUniqueOrThrow({ where: { id } });
}

async function ownMembershipId(c: WorkspaceContext): Promise<string> {
  return (await membersOf(c)).find((m) => m.userId === c.user.id)!.id;
}

beforeEach(async () => {
  ctx = await createAdminContext("Workspace A");
  other = await createAdminContext("Workspace B");
});

describe(`members on ${testDbKind}`, () => {
  it("adds a new member as a user with an argon2id-hashed temporary password they must change", async () => {
    const dto = await addMember(ctx, newMember(["editor", "approver"]));

    expect(dto).toMatchObject({
      roles: ["editor", "approver"],
      mustChangePassword: true,
      name: "Member",
    });
    expect(JSON.stringify(dto)).not.toMatch(/argon2|passwordHash/);
    const user = await userRow(dto.userId);
    expect(user.mustChangePassword).toBe(true);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, TEMP_PASSWORD)).toBe(true);
    expect((await membersOf(ctx)).map((m) => m.id)).toContain(dto.id);

    const events = await auditEventsOf(ctx.workspace.id);
    expect(events.map((e) => [e.action, e.targetId])).toEqual([["member.added", dto.id]]);
    expect(JSON.stringify(events)).not.toContain(TEMP_PASSWORD);
    expect(JSON.stringify(events)).not.toContain(user.passwordHash!);
  });

  it("refuses the same email twice with 409, whatever its case", async () => {
    const email = uniqueEmail("dup");
    await addMember(ctx, newMember(["viewer"], email));

    const error = await expectApiError(
      addMember(ctx, newMember(["admin"], `  ${email.toUpperCase()} `)),
      409,
      "conflict",
    );
    expect(error.details).toEqual({ issues: [{ path: "email", message: "Already a member" }] });
    const members = (await membersOf(ctx)).filter((m) => m.email === email);
    expect(members.map((m) => m.roles)).toEqual([["viewer"]]);
  });

  it("links an existing user without touching their password", async () => {
    const existingHash = await hashPassword("their-own-password");
    await setPassword(other.user.id, existingHash, false);
    const before = await userRow(other.user.id);

    const dto = await addMember(ctx, newMember(["viewer"], other.user.email));

    expect(dto.userId).toBe(other.user.id);
    const after = await userRow(other.user.id);
    expect({
      hash: after.passwordHash,
      must: after.mustChangePassword,
      v: after.sessionVersion,
    }).toEqual({
      hash: before.passwordHash,
      must: false,
      v: before.sessionVersion,
    });
  });

  it("answers 404 for another workspace's member on change roles, remove and reset password, changing nothing", async () => {
    const foreign = await addMember(other, newMember(["editor"]));
    const userBefore = await userRow(foreign.userId);

    await expectApiError(changeMemberRoles(ctx, foreign.id, ["admin"]), 404, "not_found");
    await expectApiError(removeMember(ctx, foreign.id), 404, "not_found");
    await expectApiError(
      resetMemberPassword(ctx, foreign.id, "attacker-chosen-pw"),
      404,
      "not_found",
    );

    const membership = await getDb().membership.findUniqueOrThrow({ where: { id: foreign.id } });
    expect(membership.roles).toEqual(["editor"]);
    expect(await userRow(foreign.userId)).toEqual(userBefore);
    expect(await auditEventsOf(ctx.workspace.id)).toHaveLength(0);
  });

  it("changes a member's roles and audits before and after", async () => {
    const member = await addMember(ctx, newMember(["editor"]));

    const updated = await changeMemberRoles(ctx, member.id, ["viewer", "approver"]);

    expect(updated.roles).toEqual(["viewer", "approver"]);
    const event = (await auditEventsOf(ctx.workspace.id)).find(
      (e) => e.action === "member.roles_changed",
    );
    expect(event).toMatchObject({
      targetId: member.id,
      before: { roles: ["editor"] },
      after: { roles: ["viewer", "approver"] },
    });
  });

  it("keeps the last admin: no demotion, no removal (409)", async () => {
    const adminMembership = await ownMembershipId(ctx);
    await expectApiError(changeMemberRoles(ctx, adminMembership, ["editor"]), 409, "conflict");
    expect(
      (await getDb().membership.findUniqueOrThrow({ where: { id: adminMembership } })).roles,
    ).toEqual(["admin"]);

    const engineer = await addMember(ctx, newMember(["engineer"]));
    const engineerCtx = await contextFor(engineer.userId, ctx.workspace.id);
    const error = await expectApiError(removeMember(engineerCtx, adminMembership), 409, "conflict");
    expect(error.message).toMatch(/at least one admin/);
    expect(await getDb().membership.findUnique({ where: { id: adminMembership } })).not.toBeNull();

    // Keeping admin while changing other roles is fine.
    expect((await changeMemberRoles(ctx, adminMembership, ["admin", "editor"])).roles).toEqual([
      "admin",
      "editor",
    ]);
  });

  it("allows demoting an admin while another remains, then protects the remaining one", async () => {
    const second = await addMember(ctx, newMember(["admin"]));
    await changeMemberRoles(ctx, await ownMembershipId(ctx), ["editor"]);

    await expectApiError(removeMember(ctx, second.id), 409, "conflict");
    await expectApiError(changeMemberRoles(ctx, second.id, ["viewer"]), 409, "conflict");
  });

  it.each([
    ["demote", (c: WorkspaceContext, id: string) => changeMemberRoles(c, id, ["editor"])],
    ["remove", (c: WorkspaceContext, id: string) => removeMember(c, id)],
  ] as const)(
    "never leaves a workspace without an admin when two admins %s each other at once",
    async (_verb, act) => {
      const second = await addMember(ctx, newMember(["admin"]));
      const secondCtx = await contextFor(second.userId, ctx.workspace.id);
      const first = await ownMembershipId(ctx);

      const results = await Promise.allSettled([act(ctx, second.id), act(secondCtx, first)]);

      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ status: 409, code: "conflict" });
      expect(
        await getDb().membership.count({
          where: { workspaceId: ctx.workspace.id, roles: { has: "admin" } },
        }),
      ).toBe(1);
    },
  );

  it("refuses to remove yourself (409), even when another admin remains", async () => {
    await addMember(ctx, newMember(["admin"]));
    const error = await expectApiError(
      removeMember(ctx, await ownMembershipId(ctx)),
      409,
      "conflict",
    );
    expect(error.message).toMatch(/yourself/);
  });

  it("removes a member from this workspace only, and audits it", async () => {
    const member = await addMember(ctx, newMember(["viewer"]));

    await removeMember(ctx, member.id);

    expect((await membersOf(ctx)).map((m) => m.id)).not.toContain(member.id);
    expect(await getDb().user.findUnique({ where: { id: member.userId } })).not.toBeNull();
    const event = (await auditEventsOf(ctx.workspace.id)).find(
      (e) => e.action === "member.removed",
    );
    expect(event).toMatchObject({
      targetId: member.id,
      before: { email: member.email, roles: ["viewer"] },
    });
  });

  it("resets a password: new temporary hash, must change it, older sessions end", async () => {
    const member = await addMember(ctx, newMember(["editor"]));
    await setPassword(member.userId, await hashPassword("chosen-by-member"), false);
    const before = await userRow(member.userId);

    await resetMemberPassword(ctx, member.id, "new-temporary-pw");

    const after = await userRow(member.userId);
    expect(after.mustChangePassword).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "new-temporary-pw")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "chosen-by-member")).toBe(false);
    const events = await auditEventsOf(ctx.workspace.id);
    expect(events.at(-1)).toMatchObject({ action: "member.password_reset", targetId: member.id });
    expect(JSON.stringify(events)).not.toContain("new-temporary-pw");
  });

  it("refuses to reset the password of a member who also belongs to another workspace", async () => {
    await setPassword(other.user.id, await hashPassword("admin-b-password"), false);
    const linked = await addMember(ctx, newMember(["viewer"], other.user.email));
    const before = await userRow(other.user.id);

    const error = await expectApiError(
      resetMemberPassword(ctx, linked.id, "attacker-chosen-pw"),
      409,
      "conflict",
    );
    expect(error.message).toContain(other.user.email);

    expect(await userRow(other.user.id)).toEqual(before);
    expect(await verifyPassword(before.passwordHash, "admin-b-password")).toBe(true);
  });

  it("still lets an admin of every workspace the member belongs to reset their password", async () => {
    const member = await addMember(ctx, newMember(["editor"]));
    await addMember(other, newMember(["viewer"], member.email));
    await addMember(other, newMember(["admin"], ctx.user.email)); // ctx's admin also administers B
    const actor = await contextFor(ctx.user.id, ctx.workspace.id);

    await resetMemberPassword(actor, member.id, "new-temporary-pw");

    expect(
      await verifyPassword((await userRow(member.userId)).passwordHash, "new-temporary-pw"),
    ).toBe(true);
  });
});
