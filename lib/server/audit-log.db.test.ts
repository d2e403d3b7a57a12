import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogQuerySchema, type AuditLogPage } from "@/lib/schemas/audit-log";
import { expectApiError } from "@/test/api-error";
import { testDbKind, setupTestDatabase } from "@/test/database";
import { contextFor, createAdminContext, createTestUser } from "@/test/fixtures";
import { auditActors, auditEventOr404, listAuditEvents } from "./audit-log";
import { createFlowSchema } from "@/lib/schemas/flows";
import { addFlow, removeFlow } from "./flows";
import { addMember, changeMemberRoles, removeMember } from "./members";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

let ctx: WorkspaceContext; // admin of the workspace under test
let other: WorkspaceContext; // admin of another workspace

/** Inserts an event of `ctx`'s workspace at an exact instant. */
async function event(
  action: string,
  createdAt: string,
  extra: { actorId?: string | null; targetType?: string; targetId?: string; after?: object } = {},
) {
  const row = await getDb().auditEvent.create({
    data: {
      workspaceId: ctx.workspace.id,
      actorId: extra.actorId === undefined ? ctx.user.id : extra.actorId,
      action,
      targetType: extra.targetType ?? action.split(".")[0]!,
      targetId: extra.targetId ?? "t-1",
      after: extra.after,
      createdAt: new Date(createdAt),
    },
    select: { id: true },
  });
  return row.id;
}

function list(query: Record<string, string>, as = ctx): Promise<AuditLogPage> {
  return listAuditEvents(as, auditLogQuerySchema.parse(query));
}

async function actions(query: Record<string, string>): Promise<string[]> {
  return (await list(query)).items.map((item) => item.action);
}

beforeEach(async () => {
  ctx = await createAdminContext("Audited");
  other = await createAdminContext("Elsewhere");
});

describe(`audit log on ${testDbKind}`, () => {
  it("lists the workspace's events newest first with actor names, never another workspace's", async () => {
    await event("flow.created", "2026-03-01T10:00:00Z", { after: { name: "Triage" } });
    await event("member.roles_changed", "2026-03-02T10:00:00Z", { targetType: "membership" });
    await event("connection.created", "2026-03-03T10:00:00Z", { actorId: null });

    const page = await list({ from: "2026-03-01", to: "2026-03-31" });
    expect(page.items.map((item) => [item.action, item.actor?.name ?? null])).toEqual([
      ["connection.created", null],
      ["member.roles_changed", "Admin"],
      ["flow.created", "Admin"],
    ]);
    expect(page.items[2]).toMatchObject({
      target: { type: "flow", id: "t-1" },
      before: null,
      after: { name: "Triage" },
      truncated: false,
      createdAt: "2026-03-01T10:00:00.000Z",
    });
    expect(page.nextCursor).toBeNull();
    expect((await list({ from: "2026-03-01", to: "2026-03-31" }, other)).items).toEqual([]);
  });

  it("filters by action name or dotted prefix, literally (no LIKE wildcards)", async () => {
    await event("prompt.created", "2026-03-01T10:00:00Z");
    await event("prompt.label.move", "2026-03-01T11:00:00Z");
    await event("prompt_x.created", "2026-03-01T12:00:00Z");
    await event("change_request.approve", "2026-03-01T13:00:00Z");
    await event("changeXrequest.approve", "2026-03-01T14:00:00Z");
    await event("flow.version_saved", "2026-03-01T15:00:00Z");

    const day = { from: "2026-03-01", to: "2026-03-01" };
    expect(await actions({ ...day, action: "prompt" })).toEqual([
      "prompt.label.move",
      "prompt.created",
    ]);
    expect(await actions({ ...day, action: "prompt.label" })).toEqual(["prompt.label.move"]);
    expect(await actions({ ...day, action: "change_request" })).toEqual(["change_request.approve"]);
    expect(await actions({ ...day, action: "flow.version_saved,prompt.created" })).toEqual([
      "flow.version_saved",
      "prompt.created",
    ]);
    expect(await actions({ ...day, action: "prompt.creat" })).toEqual([]);
  });

  it("filters by actor, target type and target id", async () => {
    const editor = await createTestUser(undefined, "Edith");
    await event("flow.updated", "2026-03-01T10:00:00Z", { targetId: "f-1" });
    await event("flow.updated", "2026-03-01T11:00:00Z", { targetId: "f-2", actorId: editor.id });
    await event("secret.created", "2026-03-01T12:00:00Z", { targetId: "f-1" });

    const ids = async (query: Record<string, string>) =>
      (await list({ from: "2026-03-01", to: "2026-03-01", ...query })).items.map(
        (i) => `${i.action}:${i.target.id}`,
      );
    expect(await ids({ actorId: editor.id })).toEqual(["flow.updated:f-2"]);
    expect(await ids({ targetType: "flow" })).toEqual(["flow.updated:f-2", "flow.updated:f-1"]);
    expect(await ids({ targetType: "flow", targetId: "f-1" })).toEqual(["flow.updated:f-1"]);
    expect(await ids({ targetId: "f-1" })).toEqual(["secret.created:f-1", "flow.updated:f-1"]);
  });

  it("takes a YYYY-MM-DD range as whole UTC days", async () => {
    await event("a.before", "2026-04-09T23:59:59.999Z");
    await event("a.first", "2026-04-10T00:00:00.000Z");
    await event("a.last", "2026-04-11T23:59:59.999Z");
    await event("a.after", "2026-04-12T00:00:00.000Z");

    expect(await actions({ from: "2026-04-10", to: "2026-04-11" })).toEqual(["a.last", "a.first"]);
    expect(await actions({ from: "2026-04-11", to: "2026-04-11" })).toEqual(["a.last"]);
    expect(await actions({ to: "2026-04-09", action: "a" })).toEqual(["a.before"]);
  });

  it("pages by keyset cursor without duplicates or gaps across events of the same instant", async () => {
    const same = "2026-05-01T12:00:00.000Z";
    const ids = [await event("x.early", "2026-05-01T11:00:00Z")];
    for (let i = 0; i < 7; i++) ids.push(await event(`x.same${i}`, same));
    ids.push(await event("x.late", "2026-05-01T13:00:00Z"));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: AuditLogPage = await list({
        action: "x",
        limit: "2",
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);

    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(seen.length);
    const sameIds = ids.slice(1, 8).sort().reverse();
    expect(seen).toEqual([ids[8], ...sameIds, ids[0]]);
  });

  it("leaves large snapshots out of a list row and returns them whole for one event", async () => {
    const big = { template: "x".repeat(40_000) };
    const id = await event("prompt.version.create", "2026-06-01T10:00:00Z", { after: big });

    const [row] = (await list({ action: "prompt" })).items;
    expect(row).toMatchObject({ id, after: null, truncated: true });
    expect(await auditEventOr404(ctx, id)).toMatchObject({ after: big, truncated: false });
    await expectApiError(auditEventOr404(other, id), 404, "not_found");
  });

  it("names targets by their current name, null once they are gone", async () => {
    const flow = await addFlow(ctx, createFlowSchema.parse({ name: "Refund triage" }));
    const member = await addMember(ctx, {
      email: "rae@example.test",
      name: "Rae",
      roles: ["editor"],
      temporaryPassword: "temporary-password-1",
    });
    await changeMemberRoles(ctx, member.id, ["editor", "approver"]);
    const targets = async () =>
      (await list({ action: "flow,member" })).items.map((i) => [i.action, i.target.name]);
    expect(await targets()).toEqual([
      ["member.roles_changed", "Rae"],
      ["member.added", "Rae"],
      ["flow.created", "Refund triage"],
    ]);

    await removeFlow(ctx, flow.id);
    expect((await targets()).filter(([action]) => action!.startsWith("flow"))).toEqual([
      ["flow.deleted", null],
      ["flow.created", null],
    ]);
  });

  it("offers members and former actors as actors, by name", async () => {
    const member = await addMember(ctx, {
      email: "zed@example.test",
      name: "Zed",
      roles: ["editor"],
      temporaryPassword: "temporary-password-1",
    });
    const former = await addMember(ctx, {
      email: "bea@example.test",
      name: "Bea",
      roles: ["editor"],
      temporaryPassword: "temporary-password-1",
    });
    await event("flow.created", "2026-07-01T10:00:00Z", { actorId: former.userId });
    await removeMember(await contextFor(ctx.user.id, ctx.workspace.id), former.id);
    const stranger = await createTestUser(undefined, "Stranger");

    const { actors } = await auditActors(ctx);
    expect(actors.map((a) => a.name)).toEqual(["Admin", "Bea", "Zed"]);
    expect(actors.map((a) => a.id)).not.toContain(stranger.id);
    expect(actors.find((a) => a.name === "Zed")).toEqual({
      id: member.userId,
      name: "Zed",
      email: "zed@example.test",
    });
  });
});
