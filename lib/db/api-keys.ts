import { getDb } from "./client";
import { withAuthorNames } from "./users";
import { Prisma } from "./generated/client.ts";
import { rawRows } from "./raw-sql";

/** An API key as the management API reads it (never its hash or webhook secret). */
export interface ApiKeyRecord {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  allEndpoints: boolean;
  endpointIds: string[];
  rateLimitPerMinute: number;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** What authenticating a call needs of a key, found by the hash of its secret. */
export interface ApiKeyCredential {
  id: string;
  workspaceId: string;
  name: string;
  allEndpoints: boolean;
  endpointIds: string[];
  rateLimitPerMinute: number;
  encryptedWebhookSecret: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const keySelect = {
  id: true,
  workspaceId: true,
  name: true,
  prefix: true,
  allEndpoints: true,
  endpointIds: true,
  rateLimitPerMinute: true,
  createdById: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

async function withCreatorNames<T extends { createdById: string | null }>(
  rows: T[],
): Promise<(T & { createdByName: string | null })[]> {
  const named = await withAuthorNames(rows.map((row) => ({ ...row, authorId: row.createdById })));
  return named.map(({ authorId: _authorId, authorName, ...row }) => ({
    ...(row as unknown as T),
    createdByName: authorName,
  }));
}

/** Stores a new key (its secret already hashed and its webhook secret encrypted). */
export async function createApiKey(data: {
  workspaceId: string;
  name: string;
  prefix: string;
  hash: string;
  allEndpoints: boolean;
  endpointIds: string[];
  rateLimitPerMinute: number;
  encryptedWebhookSecret: string;
  createdById: string;
}): Promise<ApiKeyRecord> {
  const row = await getDb().apiKey.create({ data, select: keySelect });
  return (await withCreatorNames([row]))[0]!;
}

/** Keys of a workspace, newest first, revoked ones included. */
export async function listApiKeys(workspaceId: string): Promise<ApiKeyRecord[]> {
  const rows = await getDb().apiKey.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: keySelect,
  });
  return withCreatorNames(rows);
}

/** One key of a workspace, or null. */
export async function findApiKey(workspaceId: string, id: string): Promise<ApiKeyRecord | null> {
  const row = await getDb().apiKey.findFirst({ where: { id, workspaceId }, select: keySelect });
  return row ? (await withCreatorNames([row]))[0]! : null;
}

/** The key whose secret hashes to `hash`, revoked or not, or null. */
export async function findApiKeyByHash(hash: string): Promise<ApiKeyCredential | null> {
  // Raw SQL: the run API authenticates every call (see lib/db/README.md, "Hot paths").
  const rows = await rawRows<ApiKeyCredential>(Prisma.sql`
    SELECT id, "workspaceId", name, "allEndpoints", "endpointIds", "rateLimitPerMinute",
      "encryptedWebhookSecret", "lastUsedAt", "revokedAt"
    FROM "ApiKey" WHERE hash = ${hash}`);
  return rows[0] ?? null;
}

/** The encrypted webhook secret of a key, or null. */
export async function findWebhookSecret(apiKeyId: string): Promise<string | null> {
  const row = await getDb().apiKey.findUnique({
    where: { id: apiKeyId },
    select: { encryptedWebhookSecret: true },
  });
  return row?.encryptedWebhookSecret ?? null;
}

/** Renames or rescopes a key that is not revoked; null when there is no such active key. */
export async function updateApiKey(
  workspaceId: string,
  id: string,
  changes: {
    name?: string;
    allEndpoints?: boolean;
    endpointIds?: string[];
    rateLimitPerMinute?: number;
  },
): Promise<ApiKeyRecord | null> {
  const { count } = await getDb().apiKey.updateMany({
    where: { id, workspaceId, revokedAt: null },
    data: changes,
  });
  return count === 0 ? null : findApiKey(workspaceId, id);
}

/** Revokes a key (once: the first revocation time stays); null when there is no such key. */
export async function revokeApiKey(workspaceId: string, id: string): Promise<ApiKeyRecord | null> {
  await getDb().apiKey.updateMany({
    where: { id, workspaceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return findApiKey(workspaceId, id);
}

/** Records a use of a key, writing at most once per `everyMs` (the row is not rewritten per call). */
export async function touchApiKey(id: string, now: Date, everyMs: number): Promise<void> {
  await getDb().apiKey.updateMany({
    where: {
      id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - everyMs) } }],
    },
    data: { lastUsedAt: now },
  });
}
