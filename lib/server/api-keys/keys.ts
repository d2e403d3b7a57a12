import { randomBytes } from "node:crypto";
import {
  createApiKey,
  findApiKey,
  listApiKeys,
  revokeApiKey,
  updateApiKey,
  type ApiKeyRecord,
} from "@/lib/db/api-keys";
import { listEndpoints } from "@/lib/db/endpoints";
import type {
  ApiKeyDto,
  CreatedApiKeyDto,
  createApiKeySchema,
  updateApiKeySchema,
} from "@/lib/schemas/api-keys";
import type { z } from "zod";
import { audit } from "../audit";
import { encryptSecret, sha256 } from "../crypto";
import { errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";

/** Every API key secret starts with this; the display prefix is its first characters. */
export const API_KEY_PREFIX = "trl_";
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

/** A new random secret with the given prefix (256 bits, base64url). */
function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** The stored hash of an API key secret. */
export function hashApiKey(secret: string): string {
  return sha256(secret);
}

function toDto(record: ApiKeyRecord, slugs: Map<string, string>): ApiKeyDto {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    status: record.revokedAt ? "revoked" : "active",
    allEndpoints: record.allEndpoints,
    endpoints: record.allEndpoints
      ? []
      : record.endpointIds.flatMap((id) => (slugs.has(id) ? [{ id, slug: slugs.get(id)! }] : [])),
    rateLimitPerMinute: record.rateLimitPerMinute,
    createdBy: record.createdById
      ? { id: record.createdById, name: record.createdByName ?? "(deleted user)" }
      : null,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}

async function slugsOf(workspaceId: string): Promise<Map<string, string>> {
  return new Map((await listEndpoints(workspaceId)).map((e) => [e.id, e.slug]));
}

/** 400 unless every id is an endpoint of the workspace. */
function assertEndpointsExist(ids: string[], slugs: Map<string, string>): void {
  const unknown = ids.filter((id) => !slugs.has(id));
  if (unknown.length > 0)
    throw errors.badRequest("Some endpoints do not exist in this workspace.", { unknown });
}

/** What the audit log keeps of a key: never its secret, hash or webhook secret. */
function auditView(dto: ApiKeyDto) {
  return {
    name: dto.name,
    prefix: dto.prefix,
    allEndpoints: dto.allEndpoints,
    endpoints: dto.endpoints.map((e) => e.slug),
    rateLimitPerMinute: dto.rateLimitPerMinute,
    status: dto.status,
  };
}

/** Audits a change of a key (before and after, without secrets) and returns the key after it. */
async function auditedChange(
  ctx: WorkspaceContext,
  action: string,
  before: ApiKeyDto,
  after: ApiKeyDto,
): Promise<ApiKeyDto> {
  const change = { before: auditView(before), after: auditView(after) };
  await audit(ctx, action, { type: "api_key", id: after.id }, change);
  return after;
}

/** Keys of the workspace, newest first. */
export async function listApiKeyDtos(ctx: WorkspaceContext): Promise<ApiKeyDto[]> {
  const [keys, slugs] = await Promise.all([
    listApiKeys(ctx.workspace.id),
    slugsOf(ctx.workspace.id),
  ]);
  return keys.map((key) => toDto(key, slugs));
}

/** Creates a key; its secret and webhook secret are returned this once (only hashes and ciphertext are kept). */
export async function createKey(
  ctx: WorkspaceContext,
  input: z.output<typeof createApiKeySchema>,
): Promise<CreatedApiKeyDto> {
  const slugs = await slugsOf(ctx.workspace.id);
  const endpointIds = input.allEndpoints ? [] : input.endpointIds;
  assertEndpointsExist(endpointIds, slugs);
  const secret = newSecret(API_KEY_PREFIX);
  const webhookSecret = newSecret("whsec_");
  const record = await createApiKey({
    workspaceId: ctx.workspace.id,
    name: input.name,
    prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
    hash: hashApiKey(secret),
    allEndpoints: input.allEndpoints,
    endpointIds,
    rateLimitPerMinute: input.rateLimitPerMinute,
    encryptedWebhookSecret: encryptSecret(webhookSecret),
    createdById: ctx.user.id,
  });
  const apiKey = toDto(record, slugs);
  await audit(
    ctx,
    "api_key.create",
    { type: "api_key", id: record.id },
    { after: auditView(apiKey) },
  );
  return { apiKey, secret, webhookSecret };
}

/** Renames, rescopes or changes the rate limit of an active key; 404 for an unknown or revoked key. */
export async function updateKey(
  ctx: WorkspaceContext,
  id: string,
  input: z.output<typeof updateApiKeySchema>,
): Promise<ApiKeyDto> {
  const slugs = await slugsOf(ctx.workspace.id);
  const before = await findApiKey(ctx.workspace.id, id);
  if (!before || before.revokedAt) throw errors.notFound("API key");
  const endpointIds = input.allEndpoints ? [] : input.endpointIds;
  if (endpointIds) assertEndpointsExist(endpointIds, slugs);
  const after = await updateApiKey(ctx.workspace.id, id, { ...input, endpointIds });
  if (!after) throw errors.notFound("API key");
  return auditedChange(ctx, "api_key.update", toDto(before, slugs), toDto(after, slugs));
}

/** Revokes a key: its next call gets 401. Revoking twice keeps the first time and audits once. */
export async function revokeKey(ctx: WorkspaceContext, id: string): Promise<ApiKeyDto> {
  const before = await findApiKey(ctx.workspace.id, id);
  if (!before) throw errors.notFound("API key");
  const slugs = await slugsOf(ctx.workspace.id);
  if (before.revokedAt) return toDto(before, slugs);
  const after = (await revokeApiKey(ctx.workspace.id, id))!;
  return auditedChange(ctx, "api_key.revoke", toDto(before, slugs), toDto(after, slugs));
}
