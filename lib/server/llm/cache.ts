import { createHash } from "node:crypto";
import type { ChatMessage, LlmParameters } from "@/lib/engine/context";
import {
  findLlmCacheEntry,
  saveLlmCacheEntry,
  type CachedAnswer,
  type LlmCacheHit,
} from "@/lib/db/llm-cache";
import { logger } from "../logger";

/** JSON with object keys sorted at every level and undefined fields dropped, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What makes two calls the same call. `connection` is the connection's id, so a re-created connection starts cold. */
export interface CacheKeyParts {
  connection: string;
  model: string;
  messages: ChatMessage[];
  parameters?: LlmParameters;
  jsonSchema?: Record<string, unknown>;
}

/** The exact-match cache key: sha256 of the canonical JSON of the call. */
export function cacheKey(parts: CacheKeyParts): string {
  const { connection, model, messages, parameters, jsonSchema } = parts;
  const canonical = canonicalJson({
    connection,
    model,
    messages,
    parameters: parameters ?? {},
    jsonSchema: jsonSchema ?? null,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/** A live entry of the workspace's cache, or null. A failing cache read is logged and treated as a miss. */
export async function readCache(
  workspaceId: string,
  key: string,
  now: Date,
): Promise<LlmCacheHit | null> {
  try {
    return await findLlmCacheEntry(workspaceId, key, now);
  } catch (error) {
    logger.warn({ err: error, workspaceId }, "LLM cache read failed; calling the model");
    return null;
  }
}

/** Stores an answer for `ttlSeconds`; a failing write is logged, never fails the call. */
export async function writeCache(
  workspaceId: string,
  key: string,
  entry: { answer: CachedAnswer; costUsd: number; ttlSeconds: number; now: Date },
): Promise<void> {
  const expiresAt = new Date(entry.now.getTime() + entry.ttlSeconds * 1000);
  try {
    await saveLlmCacheEntry(workspaceId, key, {
      answer: entry.answer,
      costUsd: entry.costUsd,
      expiresAt,
    });
  } catch (error) {
    logger.warn({ err: error, workspaceId }, "LLM cache write failed");
  }
}
