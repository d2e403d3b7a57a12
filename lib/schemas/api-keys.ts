import { z } from "zod";

/**
 * API keys (issue 7), management API for engineers (`apiKey.manage`):
 *
 * - `GET /api/api-keys` -> ApiKeyListDto (revoked keys included, newest first)
 * - `POST /api/api-keys` {name, allEndpoints, endpointIds, rateLimitPerMinute?} -> 201 CreatedApiKeyDto: the only time
 *   `secret` (`trl_...`) and `webhookSecret` (`whsec_...`) are shown
 * - `PATCH /api/api-keys/:id` {name?, allEndpoints?, endpointIds?, rateLimitPerMinute?} -> `{ apiKey: ApiKeyDto }`
 * - `POST /api/api-keys/:id/revoke` -> `{ apiKey: ApiKeyDto }` (a revoked key answers 401 at once;
 *   its row stays so run history keeps its name)
 *
 * The secret is stored as a SHA-256 hash with a short display prefix. A key reaches only the
 * endpoints of its own workspace: all of them (`allEndpoints`) or those listed. `webhookSecret`
 * signs the callbacks of runs started with the key (HMAC-SHA256). Audited: api_key.create,
 * api_key.update, api_key.revoke (never with a secret).
 */

/** A key's name: what run history shows for the runs it started. */
export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, { message: "Give the key a name" })
  .max(80, { message: "Use at most 80 characters" });

const endpointIdsSchema = z
  .array(z.string().min(1).max(64))
  .max(100, { message: "At most 100 endpoints; use all endpoints instead" })
  .refine((ids) => new Set(ids).size === ids.length, { message: "List each endpoint once" });

/** Calls per minute a key may make before 429 (default 120). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;
/** The highest per-key rate limit (calls per minute). */
export const MAX_RATE_LIMIT_PER_MINUTE = 100_000;
const rateLimitSchema = z
  .int({ message: "Use a whole number" })
  .min(1, { message: "At least 1" })
  .max(MAX_RATE_LIMIT_PER_MINUTE, { message: `At most ${MAX_RATE_LIMIT_PER_MINUTE}` });

const scopeRule = (body: { allEndpoints?: boolean; endpointIds?: string[] }) =>
  body.allEndpoints === undefined ||
  body.allEndpoints ||
  (body.endpointIds !== undefined && body.endpointIds.length > 0);
const scopeMessage = {
  message: "Choose at least one endpoint, or all endpoints",
  path: ["endpointIds"],
};

/** POST /api/api-keys: a key for all endpoints of the workspace, or for the listed ones. */
export const createApiKeySchema = z
  .strictObject({
    name: apiKeyNameSchema,
    allEndpoints: z.boolean().default(false),
    endpointIds: endpointIdsSchema.default([]),
    rateLimitPerMinute: rateLimitSchema.default(DEFAULT_RATE_LIMIT_PER_MINUTE),
  })
  .refine(scopeRule, scopeMessage);
/** A create body as sent. */
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** PATCH /api/api-keys/:id: rename or rescope; a scope change sends allEndpoints and endpointIds. */
export const updateApiKeySchema = z
  .strictObject({
    name: apiKeyNameSchema.optional(),
    allEndpoints: z.boolean().optional(),
    endpointIds: endpointIdsSchema.optional(),
    rateLimitPerMinute: rateLimitSchema.optional(),
  })
  .refine((body) => body.endpointIds === undefined || body.allEndpoints !== undefined, {
    message: "Send allEndpoints with endpointIds",
    path: ["allEndpoints"],
  })
  .refine(scopeRule, scopeMessage);
/** An update body as sent. */
export type UpdateApiKeyInput = z.input<typeof updateApiKeySchema>;

/** An API key as the management API returns it (never its secret). */
export interface ApiKeyDto {
  id: string;
  name: string;
  /** The start of the secret, for recognising a key (`trl_AbCd1234`). */
  prefix: string;
  status: "active" | "revoked";
  allEndpoints: boolean;
  /** The endpoints the key may call when not all (endpoints deleted since are left out). */
  endpoints: { id: string; slug: string }[];
  rateLimitPerMinute: number;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  /** Last authenticated call (updated at most once a minute); null if never used. */
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** GET /api/api-keys. */
export interface ApiKeyListDto {
  apiKeys: ApiKeyDto[];
}

/** POST /api/api-keys: the new key with its secrets, shown this once. */
export interface CreatedApiKeyDto {
  apiKey: ApiKeyDto;
  /** `Authorization: Bearer <secret>`. */
  secret: string;
  /** Verifies the `Trellis-Signature` header of callbacks of runs this key started. */
  webhookSecret: string;
}
