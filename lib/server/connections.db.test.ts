import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { createConnectionSchema, updateConnectionSchema } from "@/lib/schemas/settings";
import { expectApiError } from "@/test/api-error";
import { testDbKind, setupTestDatabase } from "@/test/database";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import { addConnection, connectionsOf, deleteConnection, editConnection } from "./connections";
import { decryptSecret } from "./crypto";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

const KEY = "sk-first-key-4f9a1c2e7d";
const NEW_KEY = "sk-second-key-b83e55a0c1";

let ctx: WorkspaceContext;
let other: WorkspaceContext;

function create(overrides: Record<string, unknown> = {}) {
  return createConnectionSchema.parse({
    name: "openai-prod",
    baseUrl: "https://api.openai.com/v1",
    apiKey: KEY,
    models: ["gpt-4o-mini"],
    ...overrides,
  });
}

function row(id: string) {
  return getDb().modelConnection.findUniqueOrThrow({ where: { id } });
}

async function builtInId(c: WorkspaceContext): Promise<string> {
  return (await connectionsOf(c)).find((conn) => conn.builtIn)!.id;
}

beforeEach(async () => {
  ctx = await createAdminContext("Workspace A");
  other = await createAdminContext("Workspace B");
});

describe(`connections on ${testDbKind}`, () => {
  it("stores the key encrypted: the raw row does not contain it and decrypts to it", async () => {
    const dto = await addConnection(ctx, create());

    const stored = await row(dto.id);
    expect(stored.encryptedApiKey).not.toBeNull();
    expect(stored.encryptedApiKey).not.toContain(KEY);
    expect(decryptSecret(stored.encryptedApiKey!)).toBe(KEY);
    expect(stored).toMatchObject({
      workspaceId: ctx.workspace.id,
      provider: "openai",
      builtIn: false,
    });
  });

  it("never includes the key in the DTO, only whether one is set", async () => {
    const dto = await addConnection(ctx, create());
    const listed = await connectionsOf(ctx);

    expect(dto).toMatchObject({
      name: "openai-prod",
      provider: "openai",
      hasApiKey: true,
      builtIn: false,
    });
    expect(Object.keys(dto)).not.toContain("apiKey");
    expect(Object.keys(dto)).not.toContain("encryptedApiKey");
    const serialised = JSON.stringify([dto, listed]);
    expect(serialised).not.toContain(KEY);
    expect(serialised).not.toContain((await row(dto.id)).encryptedApiKey!);
    expect(listed.map((c) => c.name)).toEqual(["simulated", "openai-prod"]);
  });

  it("refuses a base URL change without the key (400 validation_failed on apiKey) and changes nothing", async () => {
    const dto = await addConnection(ctx, create());
    const before = await row(dto.id);

    const error = await expectApiError(
      editConnection(
        ctx,
        dto.id,
        updateConnectionSchema.parse({ baseUrl: "https://attacker.example/v1" }),
      ),
      400,
      "validation_failed",
    );
    expect(error.details).toEqual({ issues: [{ path: "apiKey", message: expect.any(String) }] });
    await expectApiError(editConnection(ctx, dto.id, { baseUrl: null }), 400, "validation_failed");
    expect(await row(dto.id)).toEqual(before);
  });

  it("changes the base URL together with a new key, re-encrypting it", async () => {
    const dto = await addConnection(ctx, create());

    const updated = await editConnection(ctx, dto.id, {
      baseUrl: "http://localhost:11434/v1",
      apiKey: NEW_KEY,
    });

    expect(updated).toMatchObject({ baseUrl: "http://localhost:11434/v1", hasApiKey: true });
    const stored = await row(dto.id);
    expect(stored.encryptedApiKey).not.toContain(NEW_KEY);
    expect(decryptSecret(stored.encryptedApiKey!)).toBe(NEW_KEY);
  });

  it("edits other fields (or an unchanged base URL) without the key, keeping the stored key", async () => {
    const dto = await addConnection(ctx, create());
    const before = await row(dto.id);

    const updated = await editConnection(ctx, dto.id, {
      baseUrl: "https://api.openai.com/v1",
      models: ["gpt-4o"],
      maxConcurrent: 8,
    });

    expect(updated).toMatchObject({
      models: ["gpt-4o"],
      maxConcurrent: 8,
      requestsPerMinute: 60,
      hasApiKey: true,
    });
    expect((await row(dto.id)).encryptedApiKey).toBe(before.encryptedApiKey);
  });

  it("refuses to edit or delete the built-in simulated connection (409)", async () => {
    const id = await builtInId(ctx);
    const before = await row(id);

    await expectApiError(editConnection(ctx, id, { models: ["gpt-4o"] }), 409, "conflict");
    await expectApiError(
      editConnection(ctx, id, { baseUrl: "https://x.example", apiKey: KEY }),
      409,
      "conflict",
    );
    await expectApiError(deleteConnection(ctx, id), 409, "conflict");

    expect(await row(id)).toEqual(before);
    expect(await auditEventsOf(ctx.workspace.id)).toHaveLength(0);
  });

  it("answers 404 for another workspace's connection and changes nothing", async () => {
    const foreign = await addConnection(other, create());
    const before = await row(foreign.id);

    await expectApiError(editConnection(ctx, foreign.id, { models: ["stolen"] }), 404, "not_found");
    await expectApiError(deleteConnection(ctx, foreign.id), 404, "not_found");
    await expectApiError(deleteConnection(ctx, await builtInId(other)), 404, "not_found");

    expect(await row(foreign.id)).toEqual(before);
    expect((await connectionsOf(ctx)).map((c) => c.name)).toEqual(["simulated"]);
  });

  it("deletes a connection", async () => {
    const dto = await addConnection(ctx, create());
    await deleteConnection(ctx, dto.id);
    expect(await getDb().modelConnection.findUnique({ where: { id: dto.id } })).toBeNull();
  });

  it("rejects a duplicate name in one workspace as a unique violation (the route answers 409), not across workspaces", async () => {
    await addConnection(ctx, create());
    const duplicate = await addConnection(ctx, create()).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    await expect(addConnection(other, create())).resolves.toMatchObject({ name: "openai-prod" });
  });

  it("audits create, update and delete without any key material", async () => {
    const dto = await addConnection(ctx, create());
    const firstCipher = (await row(dto.id)).encryptedApiKey!;
    await editConnection(ctx, dto.id, { baseUrl: "http://localhost:8000/v1", apiKey: NEW_KEY });
    const secondCipher = (await row(dto.id)).encryptedApiKey!;
    await deleteConnection(ctx, dto.id);

    const events = await auditEventsOf(ctx.workspace.id);
    expect(events.map((e) => [e.action, e.targetId])).toEqual([
      ["connection.created", dto.id],
      ["connection.updated", dto.id],
      ["connection.deleted", dto.id],
    ]);
    expect(events[1]).toMatchObject({
      before: { baseUrl: "https://api.openai.com/v1" },
      after: { baseUrl: "http://localhost:8000/v1", apiKeyReplaced: true },
    });
    const serialised = JSON.stringify(events);
    expect(serialised).toContain("openai-prod");
    for (const secret of [KEY, NEW_KEY, firstCipher, secondCipher])
      expect(serialised).not.toContain(secret);
    expect(serialised).not.toMatch(/encryptedApiKey|"apiKey"/);
  });
});
