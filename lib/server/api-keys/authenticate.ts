import { findApiKeyByHash, touchApiKey } from "@/lib/db/api-keys";
import { ApiError } from "../errors";
import { API_KEY_PREFIX, hashApiKey } from "./keys";

/** How often a key's last use is written at most. */
const LAST_USED_EVERY_MS = 60_000;

const TOKEN = /^Bearer\s+(trl_[A-Za-z0-9_-]{20,200})\s*$/;

/** An authenticated API key: what it may reach and how fast. */
export interface ApiCaller {
  keyId: string;
  keyName: string;
  workspaceId: string;
  allEndpoints: boolean;
  endpointIds: string[];
  rateLimitPerMinute: number;
}

function unauthorized(message: string): ApiError {
  return new ApiError(401, "unauthorized", message, undefined, {
    "WWW-Authenticate": 'Bearer realm="trellis"',
  });
}

/**
 * Authenticates `Authorization: Bearer trl_...` by the SHA-256 of the secret: 401 for no key, an
 * unknown key or a revoked one. Records the use (at most one write a minute per key).
 */
export async function authenticateApiKey(request: Request, now = new Date()): Promise<ApiCaller> {
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized(`Send an API key: Authorization: Bearer ${API_KEY_PREFIX}...`);
  const token = TOKEN.exec(header)?.[1];
  const key = token ? await findApiKeyByHash(hashApiKey(token)) : null;
  if (!key) throw unauthorized("The API key is not valid.");
  if (key.revokedAt) throw unauthorized("The API key was revoked.");
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS)
    await touchApiKey(key.id, now, LAST_USED_EVERY_MS);
  return {
    keyId: key.id,
    keyName: key.name,
    workspaceId: key.workspaceId,
    allEndpoints: key.allEndpoints,
    endpointIds: key.endpointIds,
    rateLimitPerMinute: key.rateLimitPerMinute,
  };
}

/** True when the key may call the endpoint: same workspace, and all endpoints or this one listed. */
export function canReach(
  caller: ApiCaller,
  endpoint: { id: string; workspaceId: string },
): boolean {
  return (
    endpoint.workspaceId === caller.workspaceId &&
    (caller.allEndpoints || caller.endpointIds.includes(endpoint.id))
  );
}
