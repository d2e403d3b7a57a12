import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LlmRequest } from "@/lib/engine/context";
import { getDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import {
  deleteExpiredLlmCacheEntries,
  findLlmCacheEntry,
  saveLlmCacheEntry,
} from "@/lib/db/llm-cache";
import { encryptSecret } from "@/lib/server/crypto";
import { setupTestDatabase } from "@/test/database";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai/server";
import { createAdminContext } from "@/test/fixtures";
import { createLlmPort } from "./llm-port";

setupTestDatabase();

let fake: FakeOpenAI;
let workspaceId: string;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.fallback = { kind: "ok", usage: { prompt_tokens: 5_000, completion_tokens: 1_000 } };
  workspaceId = (await createAdminContext("Cache workspace")).workspace.id;
  await createConnection(workspaceId, {
    name: "fake",
    provider: "openai",
    baseUrl: fake.baseUrl,
    encryptedApiKey: encryptSecret("sk-cache"),
    models: [],
    maxConcurrent: 4,
    requestsPerMinute: 10_000,
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const call = () => ({ signal: new AbortController().signal, idempotencyKey: "run:node:1" });
let counter = 0;
/** A request no earlier test has cached. */
function fresh(parameters = { temperature: 0 }): LlmRequest {
  counter++;
  return {
    model: { connection: "fake", model: "gpt-4o-mini" },
    messages: [{ role: "user", content: `Question ${counter}` }],
    parameters,
    cacheTtlSeconds: 60,
  };
}

describe("exact-match LLM cache", () => {
  it("answers a repeated call from the cache at no cost, recording what it saved", async () => {
    const port = createLlmPort({ workspaceId });
    const request = fresh();
    const first = await port.complete(request, call());
    const tokens: string[] = [];
    const second = await createLlmPort({ workspaceId }).complete(request, {
      ...call(),
      onToken: (t) => tokens.push(t),
    });
    expect(fake.requests).toHaveLength(1);
    expect(first).toMatchObject({ cacheHit: false, costSavedUsd: 0 });
    expect(first.costUsd).toBeGreaterThan(0);
    expect(second).toMatchObject({
      text: first.text,
      usage: first.usage,
      cacheHit: true,
      costUsd: 0,
      costSavedUsd: first.costUsd,
    });
    expect(tokens).toEqual([first.text]);
  });

  it("misses when a parameter differs, and without a TTL never caches", async () => {
    const port = createLlmPort({ workspaceId });
    const request = fresh({ temperature: 0 });
    await port.complete(request, call());
    const other = await port.complete({ ...request, parameters: { temperature: 0.7 } }, call());
    expect(other.cacheHit).toBe(false);
    const uncached = { ...fresh(), cacheTtlSeconds: 0 };
    await port.complete(uncached, call());
    await port.complete(uncached, call());
    expect(fake.requests).toHaveLength(4);
  });

  it("ignores an expired entry and deletes it", async () => {
    const start = new Date("2030-01-01T00:00:00Z");
    const request = { ...fresh(), cacheTtlSeconds: 10 };
    await createLlmPort({ workspaceId, now: () => start }).complete(request, call());
    const later = new Date(start.getTime() + 9_000);
    expect(
      (await createLlmPort({ workspaceId, now: () => later }).complete(request, call())).cacheHit,
    ).toBe(true);
    const expired = new Date(start.getTime() + 10_000);
    const miss = await createLlmPort({ workspaceId, now: () => expired }).complete(request, call());
    expect(miss.cacheHit).toBe(false);
    expect(fake.requests).toHaveLength(2);
    const rows = await getDb().llmCacheEntry.findMany({
      where: { workspaceId, createdAt: { gte: new Date(Date.now() - 60_000) } },
    });
    expect(rows.map((r) => r.expiresAt.getTime())).toContain(expired.getTime() + 10_000);
    expect(rows.map((r) => r.expiresAt.getTime())).not.toContain(start.getTime() + 10_000);
  });

  it("keeps entries per workspace and sweeps expired ones", async () => {
    const other = (await createAdminContext("Other cache workspace")).workspace.id;
    const now = new Date();
    const answer = {
      text: "cached",
      provider: "openai",
      model: "m",
      usage: { inputTokens: 1, outputTokens: 2, cachedTokens: 0 },
    };
    await saveLlmCacheEntry(workspaceId, "shared-key", {
      answer,
      costUsd: 0.12345678,
      expiresAt: new Date(now.getTime() + 60_000),
    });
    const expired = { answer, costUsd: 1, expiresAt: new Date(now.getTime() - 1_000) };
    await saveLlmCacheEntry(workspaceId, "old-key", expired);
    await saveLlmCacheEntry(workspaceId, "older-key", expired);
    expect(await findLlmCacheEntry(workspaceId, "shared-key", now)).toEqual({
      answer,
      costUsd: 0.12345678,
    });
    expect(await findLlmCacheEntry(other, "shared-key", now)).toBeNull();
    expect(await findLlmCacheEntry(workspaceId, "old-key", now)).toBeNull();
    expect(await getDb().llmCacheEntry.count({ where: { key: "old-key" } })).toBe(0);
    expect(await getDb().llmCacheEntry.count({ where: { key: "older-key" } })).toBe(1);
    expect(await deleteExpiredLlmCacheEntries(now)).toBeGreaterThanOrEqual(1);
    expect(await getDb().llmCacheEntry.count({ where: { key: "older-key" } })).toBe(0);
    expect(await getDb().llmCacheEntry.count({ where: { key: "shared-key" } })).toBe(1);
  });
});
