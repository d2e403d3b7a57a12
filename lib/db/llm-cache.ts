import { getDb } from "./client";
import type { Prisma } from "./generated/client.ts";

/** A model answer as the cache stores it. */
export interface CachedAnswer {
  text: string;
  provider: string;
  model: string;
  usage: { inputTokens: number; outputTokens: number; cachedTokens: number };
}

/** A live cache entry: the answer and what the original call cost (USD). */
export interface LlmCacheHit {
  answer: CachedAnswer;
  costUsd: number;
}

/** The entry of `key` when it has not expired; an expired one is deleted on the way. */
export async function findLlmCacheEntry(
  workspaceId: string,
  key: string,
  now: Date,
): Promise<LlmCacheHit | null> {
  const row = await getDb().llmCacheEntry.findUnique({
    where: { workspaceId_key: { workspaceId, key } },
  });
  if (!row) return null;
  if (row.expiresAt <= now) {
    await getDb().llmCacheEntry.deleteMany({ where: { id: row.id, expiresAt: { lte: now } } });
    return null;
  }
  return { answer: row.response as unknown as CachedAnswer, costUsd: row.costUsd.toNumber() };
}

/** Stores (or replaces) the answer of `key` until `expiresAt`. */
export async function saveLlmCacheEntry(
  workspaceId: string,
  key: string,
  entry: { answer: CachedAnswer; costUsd: number; expiresAt: Date },
): Promise<void> {
  const data = {
    response: entry.answer as unknown as Prisma.InputJsonValue,
    tokensIn: entry.answer.usage.inputTokens,
    tokensOut: entry.answer.usage.outputTokens,
    tokensCached: entry.answer.usage.cachedTokens,
    costUsd: entry.costUsd,
    expiresAt: entry.expiresAt,
  };
  await getDb().llmCacheEntry.upsert({
    where: { workspaceId_key: { workspaceId, key } },
    create: { workspaceId, key, ...data },
    update: { ...data, createdAt: new Date() },
  });
}

/** Deletes every expired entry (a sweeper may call it); returns how many went. */
export async function deleteExpiredLlmCacheEntries(now: Date): Promise<number> {
  const { count } = await getDb().llmCacheEntry.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
