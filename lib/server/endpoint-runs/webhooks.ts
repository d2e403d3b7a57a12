import { findWebhookSecret } from "@/lib/db/api-keys";
import { findEndpoint } from "@/lib/db/endpoints";
import { listHttpAllowRules } from "@/lib/db/http-allow-rules";
import { deleteExpiredIdempotencyKeys } from "@/lib/db/idempotency";
import { loadRun } from "@/lib/db/runs";
import {
  claimDueWebhooks,
  recordWebhookAttempt,
  type WebhookDeliveryRecord,
} from "@/lib/db/webhooks";
import { NodeError } from "@/lib/engine/errors";
import {
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookPayload,
} from "@/lib/schemas/endpoint-runs";
import { decryptSecret } from "../crypto";
import { createHttpPort } from "../http/http-port";
import type { Resolver } from "../http/lookup";
import { logger } from "../logger";
import { subscribeRunEvents } from "../runs/event-bus";
import { startSweeper } from "../sweeper";
import { toEndpointRunDto } from "./dto";
import { signWebhook } from "./webhook-signature";

/** Waits before the 2nd, 3rd ... attempt: 10 s, 1 min, 5 min, 30 min, 2 h (6 attempts in all). */
export const WEBHOOK_BACKOFF_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000];
const CLAIM_LEASE_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;
const SWEEP_EVERY_MS = 5_000;

/** Knobs for tests: faster backoff, a resolver of their own. */
export interface WebhookOptions {
  backoffMs?: number[];
  lookup?: Resolver;
}

async function payloadOf(delivery: WebhookDeliveryRecord): Promise<string> {
  const run = await loadRun(delivery.runId, delivery.workspaceId);
  if (!run) throw new Error("the run no longer exists");
  const endpoint = run.endpointId
    ? await findEndpoint(run.workspaceId, { id: run.endpointId })
    : null;
  const payload: WebhookPayload = {
    id: delivery.id,
    type: "run.settled",
    run: toEndpointRunDto(run, endpoint?.slug ?? null),
  };
  return JSON.stringify(payload);
}

async function send(delivery: WebhookDeliveryRecord, options: WebhookOptions) {
  const sealed = await findWebhookSecret(delivery.apiKeyId);
  if (!sealed) return { status: null, error: "the API key has no webhook secret", permanent: true };
  const body = await payloadOf(delivery);
  const rules = await listHttpAllowRules(delivery.workspaceId);
  const port = createHttpPort({
    workspaceId: delivery.workspaceId,
    allowRules: rules.map((rule) => rule.prefix),
    lookup: options.lookup,
    maxRedirects: 0,
    maxResponseBytes: 64 * 1024,
    timeoutMs: SEND_TIMEOUT_MS,
  });
  const signature = signWebhook(decryptSecret(sealed), body, Math.floor(Date.now() / 1000));
  try {
    const response = await port.request(
      {
        method: "POST",
        url: delivery.url,
        headers: {
          "content-type": "application/json",
          "user-agent": "Trellis-Webhooks/1",
          [WEBHOOK_SIGNATURE_HEADER]: signature,
          [WEBHOOK_ID_HEADER]: delivery.id,
        },
        body,
      },
      { signal: AbortSignal.timeout(SEND_TIMEOUT_MS), idempotencyKey: delivery.id },
    );
    const ok = response.status >= 200 && response.status < 300;
    return {
      status: response.status,
      error: ok ? null : `HTTP ${response.status}`,
      permanent: false,
    };
  } catch (error) {
    const refused = error instanceof NodeError && error.code === "ssrf_blocked";
    const message = error instanceof Error ? error.message : String(error);
    return { status: null, error: message, permanent: refused };
  }
}

async function deliver(delivery: WebhookDeliveryRecord, options: WebhookOptions): Promise<void> {
  const backoff = options.backoffMs ?? WEBHOOK_BACKOFF_MS;
  const result = await send(delivery, options).catch((error: unknown) => ({
    status: null,
    error: error instanceof Error ? error.message : String(error),
    permanent: false,
  }));
  const delivered = result.error === null;
  const wait = backoff[delivery.attempts - 1];
  const retryAt =
    delivered || result.permanent || wait === undefined ? null : new Date(Date.now() + wait);
  await recordWebhookAttempt(delivery.id, {
    delivered,
    status: result.status,
    error: result.error,
    retryAt,
  });
  if (!delivered)
    logger.warn(
      { deliveryId: delivery.id, runId: delivery.runId, error: result.error, retryAt },
      "webhook not delivered",
    );
}

/**
 * Sends the callbacks that are due (of one run when given): each POSTs the settled run, signed with
 * its API key's webhook secret, through the SSRF-protected HTTP port (no redirects followed). A
 * failure is retried with backoff; an SSRF refusal is final. Returns how many were attempted.
 */
export async function deliverDueWebhooks(
  options: WebhookOptions & { runId?: string } = {},
): Promise<number> {
  const due = await claimDueWebhooks(20, CLAIM_LEASE_MS, options.runId ?? null);
  await Promise.all(due.map((delivery) => deliver(delivery, options)));
  return due.length;
}

/** Sends a run's callbacks as soon as it settles in this process (the sweeper covers the rest). */
export function deliverWhenSettled(runId: string): void {
  const unsubscribe = subscribeRunEvents(runId, (event) => {
    if (event.type !== "run.persisted") return;
    unsubscribe();
    void deliverDueWebhooks({ runId }).catch((err: unknown) =>
      logger.error({ err, runId }, "webhook delivery failed"),
    );
  });
}

/** Every few seconds: due callbacks (retries, runs settled elsewhere or before a restart) and expired Idempotency-Keys. */
export function startWebhookSweeper(): void {
  startSweeper("webhooks", SWEEP_EVERY_MS, () =>
    Promise.all([deliverDueWebhooks(), deleteExpiredIdempotencyKeys()]),
  );
}
