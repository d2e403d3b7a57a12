import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { expectApiError } from "@/test/api-error";
import { testDbKind, setupTestDatabase } from "@/test/database";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import { decryptSecret } from "./crypto";
import { addSecret, deleteSecret, readSecretValue, replaceSecret, secretsOf } from "./secrets";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

const VALUE = "xoxb-slack-token-93f1e0a7";
const NEW_VALUE = "xoxb-rotated-token-5c2d81b4";

let ctx: WorkspaceContext;
let other: WorkspaceContext;

function row(id: string) {
  return getDb().secret.findUniqueOrThrow({ where: { id } });
}

beforeEach(async () => {
  ctx = await createAdminContext("Workspace A");
  other = await createAdminContext("Workspace B");
});

describe(`secrets on ${testDbKind}`, () => {
  it("stores the value encrypted: the raw row does not contain it and decrypts to it", async () => {
    const dto = await addSecret(ctx, "SLACK_TOKEN", VALUE);

    const stored = await row(dto.id);
    expect(stored.workspaceId).toBe(ctx.workspace.id);
    expect(stored.encryptedValue).not.toContain(VALUE);
    expect(decryptSecret(stored.encryptedValue)).toBe(VALUE);
  });

  it("returns only the name and dates, never the value", async () => {
    const dto = await addSecret(ctx, "SLACK_TOKEN", VALUE);
    const listed = await secretsOf(ctx);

    expect(Object.keys(dto).sort()).toEqual(["createdAt", "id", "name", "updatedAt"]);
    expect(listed).toEqual([dto]);
    const serialised = JSON.stringify(listed);
    expect(serialised).not.toContain(VALUE);
    expect(serialised).not.toContain((await row(dto.id)).encryptedValue);
  });

  it("reads a value by name within its own workspace only", async () => {
    await addSecret(ctx, "SLACK_TOKEN", VALUE);
    await addSecret(other, "SLACK_TOKEN", "workspace-b-value");

    expect(await readSecretValue(ctx.workspace.id, "SLACK_TOKEN")).toBe(VALUE);
    expect(await readSecretValue(other.workspace.id, "SLACK_TOKEN")).toBe("workspace-b-value");
    expect(await readSecretValue(ctx.workspace.id, "MISSING")).toBeNull();
    expect(await readSecretValue(ctx.workspace.id, "slack_token")).toBeNull();
  });

  it("replaces a value with a freshly encrypted one", async () => {
    const dto = await addSecret(ctx, "SLACK_TOKEN", VALUE);
    const before = await row(dto.id);

    const updated = await replaceSecret(ctx, dto.id, NEW_VALUE);

    expect(updated).toMatchObject({ id: dto.id, name: "SLACK_TOKEN" });
    const after = await row(dto.id);
    expect(after.encryptedValue).not.toBe(before.encryptedValue);
    expect(after.encryptedValue).not.toContain(NEW_VALUE);
    expect(await readSecretValue(ctx.workspace.id, "SLACK_TOKEN")).toBe(NEW_VALUE);
  });

  it("answers 404 for another workspace's secret id and changes nothing", async () => {
    const foreign = await addSecret(other, "DB_PASSWORD", "workspace-b-db-password");
    const before = await row(foreign.id);

    await expectApiError(replaceSecret(ctx, foreign.id, "overwritten"), 404, "not_found");
    await expectApiError(deleteSecret(ctx, foreign.id), 404, "not_found");

    expect(await row(foreign.id)).toEqual(before);
    expect(await readSecretValue(other.workspace.id, "DB_PASSWORD")).toBe(
      "workspace-b-db-password",
    );
    expect(await auditEventsOf(ctx.workspace.id)).toHaveLength(0);
  });

  it("deletes a secret so flows can no longer read it", async () => {
    const dto = await addSecret(ctx, "SLACK_TOKEN", VALUE);
    await deleteSecret(ctx, dto.id);
    expect(await readSecretValue(ctx.workspace.id, "SLACK_TOKEN")).toBeNull();
    expect(await secretsOf(ctx)).toEqual([]);
  });

  it("rejects a duplicate name in one workspace as a unique violation (the route answers 409)", async () => {
    await addSecret(ctx, "SLACK_TOKEN", VALUE);
    const duplicate = await addSecret(ctx, "SLACK_TOKEN", "second").then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(await readSecretValue(ctx.workspace.id, "SLACK_TOKEN")).toBe(VALUE);
  });

  it("audits create, replace and delete without the value or its ciphertext", async () => {
    const dto = await addSecret(ctx, "SLACK_TOKEN", VALUE);
    const firstCipher = (await row(dto.id)).encryptedValue;
    await replaceSecret(ctx, dto.id, NEW_VALUE);
    const secondCipher = (await row(dto.id)).encryptedValue;
    await deleteSecret(ctx, dto.id);

    const events = await auditEventsOf(ctx.workspace.id);
    expect(events.map((e) => [e.action, e.targetId, e.actorId])).toEqual([
      ["secret.created", dto.id, ctx.user.id],
      ["secret.updated", dto.id, ctx.user.id],
      ["secret.deleted", dto.id, ctx.user.id],
    ]);
    const serialised = JSON.stringify(events);
    expect(serialised).toContain("SLACK_TOKEN");
    for (const secret of [VALUE, NEW_VALUE, firstCipher, secondCipher])
      expect(serialised).not.toContain(secret);
  });
});
