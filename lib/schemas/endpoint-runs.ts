import { z } from "zod";

/**
 * The run API of published endpoints (issue 7), authenticated with `Authorization: Bearer trl_...`:
 *
 * - `POST /api/v1/flows/{slug}/run` RunEndpointInput. `input` must match the flow version's Input
 *   schema (400 `validation_failed` with `details.issues`). Modes:
 *   - `sync` (default): waits up to `waitMs` (default 30 s); 200 `{ run }` once settled, else 202.
 *   - `async`: 202 `{ run }` at once (`run.statusUrl`); with `callbackUrl` the settled run is POSTed
 *     there as a WebhookPayload signed with the key's webhook secret.
 *   - `stream`: Server-Sent Events: `run.created` `{ run }`, then the engine's events
 *     (`node.started`, `node.token`, `node.succeeded` ...), then `run.result` `{ run }`. A client
 *     that disconnects does not cancel the run.
 *   `Idempotency-Key` (<= 255 chars): the same key and body answer the original run; the same key
 *   with another body is 409 `conflict`.
 * - `GET /api/v1/runs/{id}` -> `{ run: EndpointRunDto }` for runs of the key's workspace and scope.
 *
 * Errors are `{ error: { code, message, details } }`: 401 `unauthorized` (no, unknown or revoked
 * key), 404 `not_found` (no such endpoint for this key), 402 `budget_exceeded`, 413
 * `payload_too_large`, 415, 429 `rate_limited` and 503 `unavailable` (paused) with Retry-After.
 */

/** Longest a sync call waits for its run before answering 202, and its default. */
export const MAX_SYNC_WAIT_MS = 60_000;
export const DEFAULT_SYNC_WAIT_MS = 30_000;

/** Run API body limit (a bigger body gets 413). */
export const ENDPOINT_BODY_LIMIT = 1_000_000;

/** Longest Idempotency-Key header accepted. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** How a run API call answers. */
export const ENDPOINT_RUN_MODES = ["sync", "async", "stream"] as const;
/** One run mode. */
export type EndpointRunMode = (typeof ENDPOINT_RUN_MODES)[number];

/** POST /api/v1/flows/{slug}/run. */
export const runEndpointSchema = z
  .strictObject({
    input: z.unknown().optional(),
    mode: z.enum(ENDPOINT_RUN_MODES).default("sync"),
    /** Where the settled run is POSTed (https or http; private addresses refused). */
    callbackUrl: z
      .url({ protocol: /^https?$/, error: "Use an http or https URL" })
      .max(2_048)
      .optional(),
    /** sync only: how long to wait before answering 202. */
    waitMs: z.int().min(0).max(MAX_SYNC_WAIT_MS).optional(),
  })
  .refine((body) => body.mode === "sync" || body.waitMs === undefined, {
    path: ["waitMs"],
    message: "waitMs applies to sync mode only",
  });
/** A run API body as sent. */
export type RunEndpointInput = z.input<typeof runEndpointSchema>;

/** A run as the run API returns it. */
export interface EndpointRunDto {
  id: string;
  status: "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";
  /** The endpoint slug the run came through (null if the endpoint was deleted since). */
  endpoint: string | null;
  flowVersionId: string | null;
  output: unknown;
  error: unknown;
  usage: { tokensIn: number; tokensOut: number; tokensCached: number };
  /** USD as a decimal string. */
  costUsd: string;
  latencyMs: number | null;
  createdAt: string;
  finishedAt: string | null;
  /** `GET` this path (same API key) for the run's status. */
  statusUrl: string;
}

/** What a callback POSTs once the run settles (succeeded, failed, cancelled or waiting). */
export interface WebhookPayload {
  /** Unique per delivery; the same across retries of that delivery. */
  id: string;
  type: "run.settled";
  run: EndpointRunDto;
}

/** Callback headers: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, and the delivery id. */
export const WEBHOOK_SIGNATURE_HEADER = "Trellis-Signature";
export const WEBHOOK_ID_HEADER = "Trellis-Webhook-Id";
