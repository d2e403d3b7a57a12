import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { createFirstAdmin } from "@/lib/db/setup";
import { expectApiError } from "@/test/api-error";
import { testDbKind, setupTestDatabase } from "@/test/database";
import { truncateAllTables } from "@/test/fixtures";
import { hashPassword, verifyPassword } from "./passwords";
import { completeSetup, hasAnyUser } from "./setup";

setupTestDatabase();

const input = {
  name: "Ada Admin",
  email: "ada@example.com",
  password: "first-admin-password",
  workspaceName: "Acme",
};
const savedEnv = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function counts() {
  const db = getDb();
  const [users, workspaces, memberships, connections, prompts, flows, audit] = await Promise.all([
    db.user.count(),
    db.workspace.count(),
    db.membership.count(),
    db.modelConnection.count(),
    db.prompt.count(),
    db.flow.count(),
    db.auditEvent.count(),
  ]);
  return { users, workspaces, memberships, connections, prompts, flows, audit };
}

beforeEach(async () => {
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
  await truncateAllTables();
});

afterEach(() => {
  restore("OPENAI_API_KEY", savedEnv.key);
  restore("OPENAI_BASE_URL", savedEnv.url);
});

describe(`completeSetup on ${testDbKind}`, () => {
  it("creates the admin with an argon2id hash, their workspace and admin membership", async () => {
    expect(await hasAnyUser()).toBe(false);

    const { userId, workspaceId } = await completeSetup(input);

    expect(await hasAnyUser()).toBe(true);
    const user = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: input.email, name: input.name, mustChangePassword: false });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(user.passwordHash, input.password)).toBe(true);
    expect(await verifyPassword(user.passwordHash, "wrong-password")).toBe(false);

    expect(await getDb().workspace.findUniqueOrThrow({ where: { id: workspaceId } })).toMatchObject(
      { name: "Acme" },
    );
    const memberships = await getDb().membership.findMany({ where: { workspaceId } });
    expect(memberships.map((m) => ({ userId: m.userId, roles: m.roles }))).toEqual([
      { userId, roles: ["admin"] },
    ]);
  });

  it("seeds the built-in simulated connection, the support-reply prompt with a production label, and an example flow", async () => {
    const { userId, workspaceId } = await completeSetup(input);
    const db = getDb();

    const connections = await db.modelConnection.findMany({ where: { workspaceId } });
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({
      name: "simulated",
      provider: "simulated",
      builtIn: true,
      encryptedApiKey: null,
    });

    const prompt = await db.prompt.findUniqueOrThrow({
      where: { workspaceId_name: { workspaceId, name: "support-reply" } },
      include: { versions: true, labels: true },
    });
    expect(prompt.versions).toHaveLength(1);
    expect(prompt.versions[0]).toMatchObject({ version: 1, authorId: userId, workspaceId });
    expect(prompt.labels.map((l) => ({ name: l.name, versionId: l.versionId }))).toEqual([
      { name: "production", versionId: prompt.versions[0]!.id },
    ]);

    const flows = await db.flow.findMany({ where: { workspaceId }, orderBy: { name: "asc" } });
    expect(flows.map((f) => f.name)).toEqual([
      "Cascade routing (example)",
      "Ticket triage (example)",
    ]);
    expect(flows.every((f) => f.createdById === userId)).toBe(true);
    const graph = flows[1]!.graph as {
      nodes: { type: string; config: { prompt?: { name: string } } }[];
    };
    expect(graph.nodes.find((n) => n.type === "llm")?.config.prompt?.name).toBe("support-reply");
    const rules = await db.httpAllowRule.findMany({ where: { workspaceId } });
    expect(rules.map((r) => r.prefix)).toEqual([
      expect.stringMatching(/^http:\/\/localhost:\d+\/api\/demo\/$/),
    ]);
  });

  it("records a setup audit event without the password", async () => {
    const { userId, workspaceId } = await completeSetup(input);

    const events = await getDb().auditEvent.findMany({ where: { workspaceId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "setup.completed",
      actorId: userId,
      targetType: "workspace",
      targetId: workspaceId,
    });
    expect(JSON.stringify(events)).not.toContain(input.password);
  });

  it("refuses a second setup with 409 and creates nothing", async () => {
    await completeSetup(input);
    const before = await counts();

    await expectApiError(
      completeSetup({ ...input, email: "mallory@example.com", workspaceName: "Takeover" }),
      409,
      "conflict",
    );

    expect(await counts()).toEqual(before);
    expect(await getDb().user.findUnique({ where: { email: "mallory@example.com" } })).toBeNull();
  });

  it("lets exactly one of two concurrent setups succeed", async () => {
    const results = await Promise.allSettled([
      completeSetup({ ...input, email: "first@example.com" }),
      completeSetup({ ...input, email: "second@example.com" }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
      status: 409,
      code: "conflict",
    });
    expect(await counts()).toMatchObject({
      users: 1,
      workspaces: 1,
      memberships: 1,
      connections: 1,
      prompts: 1,
      flows: 2,
    });
  });

  it("serialises racing createFirstAdmin transactions so only one first admin is created", async () => {
    // Pre-hashed, so the transactions start together instead of being staggered by argon2.
    const passwordHash = await hashPassword(input.password);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createFirstAdmin({
          name: `Admin ${i}`,
          email: `racer-${i}@example.com`,
          passwordHash,
          workspaceName: `W${i}`,
          examples: { prompts: [], flows: [], allowRules: [] },
        }),
      ),
    );

    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await counts()).toMatchObject({ users: 1, workspaces: 1, memberships: 1 });
  });

  it("adds an openai connection with an encrypted key when OPENAI_API_KEY is set", async () => {
    const plainKey = "sk-setup-test-0123456789abcdef";
    process.env.OPENAI_API_KEY = plainKey;
    process.env.OPENAI_BASE_URL = "http://127.0.0.1:9999/v1";
    vi.resetModules(); // getConfig() caches; load fresh modules that read the env above
    const setup = await import("./setup");
    const crypto = await import("./crypto");

    const { workspaceId } = await setup.completeSetup(input);

    const rows = await getDb().modelConnection.findMany({
      where: { workspaceId },
      orderBy: { name: "asc" },
    });
    expect(rows.map((r) => [r.name, r.provider, r.builtIn])).toEqual([
      ["openai", "openai", false],
      ["simulated", "simulated", true],
    ]);
    const openai = rows[0]!;
    expect(openai.baseUrl).toBe("http://127.0.0.1:9999/v1");
    expect(openai.encryptedApiKey).not.toBeNull();
    expect(openai.encryptedApiKey).not.toContain(plainKey);
    expect(crypto.decryptSecret(openai.encryptedApiKey!)).toBe(plainKey);
    const audit = await getDb().auditEvent.findMany({ where: { workspaceId } });
    expect(JSON.stringify(audit)).not.toContain(plainKey);
  });
});
