import { beforeEach, describe, expect, it } from "vitest";
import { testDbKind, setupTestDatabase } from "@/test/database";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import { recordAudit } from "./audit";
import { getDb } from "./client";

setupTestDatabase();

const APPEND_ONLY = /audit events are append-only/;

let workspaceId: string;
let actorId: string;
let eventId: string;

async function onlyEvent() {
  return getDb().auditEvent.findUniqueOrThrow({ where: { id: eventId } });
}

beforeEach(async () => {
  const ctx = await createAdminContext();
  workspaceId = ctx.workspace.id;
  actorId = ctx.user.id;
  await recordAudit({
    workspaceId,
    actorId,
    action: "flow.created",
    targetType: "flow",
    targetId: "flow-1",
    after: { name: "Support triage" },
  });
  eventId = (await auditEventsOf(workspaceId)).find((e) => e.action === "flow.created")!.id;
});

describe(`AuditEvent is append-only on ${testDbKind}`, () => {
  it("refuses an UPDATE through Prisma and in SQL, and leaves the row as it was", async () => {
    const before = await onlyEvent();

    await expect(
      getDb().auditEvent.update({ where: { id: eventId }, data: { action: "flow.deleted" } }),
    ).rejects.toThrow(APPEND_ONLY);
    await expect(
      getDb().auditEvent.updateMany({ where: { workspaceId }, data: { after: { name: "x" } } }),
    ).rejects.toThrow(APPEND_ONLY);
    await expect(
      getDb().$executeRaw`UPDATE "AuditEvent" SET "actorId" = NULL WHERE id = ${eventId}`,
    ).rejects.toThrow(APPEND_ONLY);

    expect(await onlyEvent()).toEqual(before);
  });

  it("refuses a DELETE through Prisma and in SQL, and keeps every row", async () => {
    const count = (await auditEventsOf(workspaceId)).length;

    await expect(getDb().auditEvent.delete({ where: { id: eventId } })).rejects.toThrow(
      APPEND_ONLY,
    );
    await expect(getDb().auditEvent.deleteMany({ where: { workspaceId } })).rejects.toThrow(
      APPEND_ONLY,
    );
    await expect(
      getDb().$executeRaw`DELETE FROM "AuditEvent" WHERE "workspaceId" = ${workspaceId}`,
    ).rejects.toThrow(APPEND_ONLY);

    expect(await auditEventsOf(workspaceId)).toHaveLength(count);
  });

  it("still appends new events, also inside a transaction that failed to change one", async () => {
    await expect(
      getDb().$transaction(async (tx) => {
        await tx.auditEvent.create({
          data: { workspaceId, actorId, action: "flow.updated", targetType: "flow" },
        });
        await tx.auditEvent.delete({ where: { id: eventId } });
      }),
    ).rejects.toThrow(APPEND_ONLY);
    expect((await auditEventsOf(workspaceId)).map((e) => e.action)).not.toContain("flow.updated");

    await recordAudit({ workspaceId, actorId, action: "flow.updated", targetType: "flow" });
    expect((await auditEventsOf(workspaceId)).map((e) => e.action)).toContain("flow.updated");
  });
});
