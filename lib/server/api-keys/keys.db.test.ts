import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { expectApiError } from "@/test/api-error";
import { setupTestDatabase } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import { sha256 } from "../crypto";
import { publishEndpoint, removeEndpoint } from "../endpoints/endpoints";
import type { WorkspaceContext } from "../workspace-context";
import { authenticateApiKey, canReach } from "./authenticate";
import { createKey, listApiKeyDtos, revokeKey, updateKey } from "./keys";

setupTestDatabase();

let ctx: WorkspaceContext;
let other: WorkspaceContext;
let a = "";
let b = "";

const bearer = (secret: string) =>
  new Request("http://test/api/v1", { headers: { authorization: `Bearer ${secret}` } });

beforeAll(async () => {
  ctx = await createAdminContext("Acme");
  other = await createAdminContext("Globex");
  const { versionIds } = await flowWithVersions(ctx, [askGraph()]);
  a = (await publishEndpoint(ctx, { slug: "a", flowVersionId: versionIds[0]! })).id;
  b = (await publishEndpoint(ctx, { slug: "b", flowVersionId: versionIds[0]! })).id;
});

describe("API keys", () => {
  it("shows the secret once and stores only its SHA-256 hash and a display prefix", async () => {
    const created = await createKey(ctx, {
      name: "CI",
      allEndpoints: false,
      endpointIds: [a],
      rateLimitPerMinute: 60,
    });
    expect(created.secret).toMatch(/^trl_[A-Za-z0-9_-]{43}$/);
    expect(created.webhookSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: "CI",
      prefix: created.secret.slice(0, 12),
      status: "active",
      allEndpoints: false,
      endpoints: [{ id: a, slug: "a" }],
      rateLimitPerMinute: 60,
      lastUsedAt: null,
    });
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } });
    expect(row.hash).toBe(sha256(created.secret));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.secret);
    expect(stored).not.toContain(created.webhookSecret);
    const audit = JSON.stringify(await auditEventsOf(ctx.workspace.id));
    expect(audit).toContain("api_key.create");
    expect(audit).not.toContain(created.secret.slice(12));
    expect(audit).not.toContain(created.webhookSecret);
  });

  it("refuses endpoints of another workspace in the scope", async () => {
    await expectApiError(
      createKey(other, {
        name: "x",
        allEndpoints: false,
        endpointIds: [a],
        rateLimitPerMinute: 60,
      }),
      400,
      "bad_request",
    );
  });

  it("authenticates by hash and reaches only the scoped endpoints of its own workspace", async () => {
    const scoped = await createKey(ctx, {
      name: "scoped",
      allEndpoints: false,
      endpointIds: [b],
      rateLimitPerMinute: 60,
    });
    const all = await createKey(ctx, {
      name: "all",
      allEndpoints: true,
      endpointIds: [],
      rateLimitPerMinute: 60,
    });
    const theirs = await createKey(other, {
      name: "theirs",
      allEndpoints: true,
      endpointIds: [],
      rateLimitPerMinute: 60,
    });
    const endpointA = { id: a, workspaceId: ctx.workspace.id };
    const endpointB = { id: b, workspaceId: ctx.workspace.id };
    const scopedCaller = await authenticateApiKey(bearer(scoped.secret));
    expect([canReach(scopedCaller, endpointA), canReach(scopedCaller, endpointB)]).toEqual([
      false,
      true,
    ]);
    const allCaller = await authenticateApiKey(bearer(all.secret));
    expect([canReach(allCaller, endpointA), canReach(allCaller, endpointB)]).toEqual([true, true]);
    const theirCaller = await authenticateApiKey(bearer(theirs.secret));
    expect(canReach(theirCaller, endpointA)).toBe(false);
    await expectApiError(authenticateApiKey(bearer(`${scoped.secret}x`)), 401, "unauthorized");
  });

  it("records the last use at most once a minute", async () => {
    const key = await createKey(ctx, {
      name: "t",
      allEndpoints: true,
      endpointIds: [],
      rateLimitPerMinute: 60,
    });
    const t0 = new Date("2030-01-01T00:00:00Z");
    const lastUsed = async () =>
      (
        await getDb().apiKey.findUniqueOrThrow({ where: { id: key.apiKey.id } })
      ).lastUsedAt?.toISOString();
    await authenticateApiKey(bearer(key.secret), t0);
    await authenticateApiKey(bearer(key.secret), new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    await authenticateApiKey(bearer(key.secret), new Date(t0.getTime() + 61_000));
    expect(await lastUsed()).toBe(new Date(t0.getTime() + 61_000).toISOString());
  });

  it("rescopes, revokes (401 at once, audited once) and lists keys newest first", async () => {
    const key = await createKey(ctx, {
      name: "r",
      allEndpoints: true,
      endpointIds: [],
      rateLimitPerMinute: 60,
    });
    const updated = await updateKey(ctx, key.apiKey.id, {
      name: "renamed",
      allEndpoints: false,
      endpointIds: [a],
    });
    expect(updated).toMatchObject({
      name: "renamed",
      allEndpoints: false,
      endpoints: [{ slug: "a" }],
    });
    const revoked = await revokeKey(ctx, key.apiKey.id);
    expect(revoked.status).toBe("revoked");
    await revokeKey(ctx, key.apiKey.id);
    await expectApiError(authenticateApiKey(bearer(key.secret)), 401, "unauthorized");
    await expectApiError(updateKey(ctx, key.apiKey.id, { name: "again" }), 404, "not_found");
    await expectApiError(revokeKey(other, key.apiKey.id), 404, "not_found");
    const actions = (await auditEventsOf(ctx.workspace.id))
      .filter((e) => e.targetId === key.apiKey.id)
      .map((e) => e.action);
    expect(actions).toEqual(["api_key.create", "api_key.update", "api_key.revoke"]);
    const listed = await listApiKeyDtos(ctx);
    expect(listed[0]).toMatchObject({ id: key.apiKey.id, status: "revoked" });
    expect(await listApiKeyDtos(other)).toHaveLength(1);
  });

  it("drops a deleted endpoint from the scopes it was in", async () => {
    const { versionIds } = await flowWithVersions(ctx, [askGraph()]);
    const temp = await publishEndpoint(ctx, { slug: "temp", flowVersionId: versionIds[0]! });
    const key = await createKey(ctx, {
      name: "temp",
      allEndpoints: false,
      endpointIds: [temp.id, a],
      rateLimitPerMinute: 60,
    });
    await removeEndpoint(ctx, temp.id);
    const [listed] = (await listApiKeyDtos(ctx)).filter((k) => k.id === key.apiKey.id);
    expect(listed!.endpoints).toEqual([{ id: a, slug: "a" }]);
  });
});
