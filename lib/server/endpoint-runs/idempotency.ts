import {
  completeIdempotencyKey,
  idempotentRunId,
  releaseIdempotencyKey,
  reserveIdempotencyKey,
} from "@/lib/db/idempotency";
import { MAX_IDEMPOTENCY_KEY_LENGTH } from "@/lib/schemas/endpoint-runs";
import { ApiError, errors } from "../errors";
import { sha256 } from "../crypto";

/** How long an Idempotency-Key is remembered. */
const TTL_MS = 24 * 60 * 60 * 1000;
/** How long a retry waits for the first request (same key, still creating its run). */
const IN_PROGRESS_WAIT_MS = 5_000;

/** JSON with object keys sorted, so equal bodies hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The hash a request is remembered by: the endpoint slug and the canonical body. */
export function requestHash(slug: string, body: unknown): string {
  return sha256(`${slug}\n${canonicalJson(body)}`);
}

/** The Idempotency-Key header: null when absent, 400 when empty, too long or not printable ASCII. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!/^[\x21-\x7e]{1,}$/.test(key) || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw errors.badRequest(
      `Idempotency-Key must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} printable characters without spaces.`,
    );
  }
  return key;
}

/** The caller of {@link onceForKey}: a key id and workspace, the header value and the request hash. */
export interface IdempotentCall {
  workspaceId: string;
  apiKeyId: string;
  key: string | null;
  hash: string;
}

/**
 * Runs `launch` once per (API key, Idempotency-Key): a retry with the same body gets the first
 * request's run id (`replayed`), one with another body 409. `launch` receives a hook that ties the
 * key to the new run before it starts; when it fails, the key is released for another try.
 */
export async function onceForKey(
  call: IdempotentCall,
  launch: (remember: (runId: string) => Promise<void>) => Promise<string>,
): Promise<{ runId: string; replayed: boolean }> {
  if (!call.key) return { runId: await launch(async () => undefined), replayed: false };
  const reservation = await reserveIdempotencyKey({
    workspaceId: call.workspaceId,
    apiKeyId: call.apiKeyId,
    key: call.key,
    requestHash: call.hash,
    ttlMs: TTL_MS,
  });
  if (reservation.status === "exists") {
    if (reservation.requestHash !== call.hash)
      throw errors.conflict("This Idempotency-Key was used with a different request body.", {
        idempotencyKey: call.key,
      });
    const runId = reservation.runId ?? (await waitForRun(reservation.id));
    return { runId, replayed: true };
  }
  try {
    const runId = await launch((id) => completeIdempotencyKey(reservation.id, id));
    return { runId, replayed: false };
  } catch (error) {
    await releaseIdempotencyKey(reservation.id);
    throw error;
  }
}

async function waitForRun(reservationId: string): Promise<string> {
  const until = Date.now() + IN_PROGRESS_WAIT_MS;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const runId = await idempotentRunId(reservationId);
    if (runId) return runId;
  }
  throw new ApiError(
    409,
    "conflict",
    "A request with this Idempotency-Key is still being processed; retry shortly.",
    undefined,
    { "Retry-After": "1" },
  );
}
