import type { z } from "zod";
import { findEndpointToRun, type EndpointRecord } from "@/lib/db/endpoints";
import { createWebhookDelivery } from "@/lib/db/webhooks";
import type { runEndpointSchema } from "@/lib/schemas/endpoint-runs";
import { PAUSED_RETRY_AFTER_SECONDS } from "@/lib/schemas/endpoints";
import { canReach, type ApiCaller } from "../api-keys/authenticate";
import { errors } from "../errors";
import { assertInputFits, runnableGraph, startNewRun } from "../runs/run-service";
import { assertCallbackAllowed } from "./callback-url";
import { onceForKey, requestHash } from "./idempotency";
import { deliverWhenSettled } from "./webhooks";

/** A parsed run API body. */
export type EndpointRunBody = z.output<typeof runEndpointSchema>;

/** Statuses after which a run API call stops waiting (a paused run waits for a person). */

/**
 * The endpoint `slug` of the key's workspace, if the key may call it: 404 otherwise (another
 * workspace's slug, or one outside the key's scope, looks like no endpoint at all); 503 with
 * Retry-After while it is paused.
 */
export async function endpointForCaller(
  caller: ApiCaller,
  slug: string,
): Promise<EndpointRecord & { graph: unknown }> {
  const endpoint = await findEndpointToRun(caller.workspaceId, slug);
  if (!endpoint || !canReach(caller, endpoint)) throw errors.notFound(`Endpoint "${slug}"`);
  if (endpoint.status === "paused") {
    throw errors.unavailable(
      `The endpoint "${slug}" is paused; try again later.`,
      PAUSED_RETRY_AFTER_SECONDS,
    );
  }
  return endpoint;
}

/**
 * Starts a run of an endpoint for an API key, or finds the run of an earlier request with the same
 * Idempotency-Key and body (`replayed`). The input is checked against the served version's Input
 * schema (400 with the field issues) and the callback URL against the SSRF policy before anything
 * is stored; the run goes through the one launch path (trigger `endpoint`, budgets apply) and
 * records the endpoint and the key. A callback is queued before the run starts.
 */
export async function startEndpointRun(
  caller: ApiCaller,
  slug: string,
  body: EndpointRunBody,
  idempotencyKey: string | null,
): Promise<{ runId: string; endpoint: EndpointRecord; replayed: boolean }> {
  const endpoint = await endpointForCaller(caller, slug);
  const graph = runnableGraph(endpoint.graph);
  const input = body.input ?? {};
  assertInputFits(graph, input);
  if (body.callbackUrl) await assertCallbackAllowed(caller.workspaceId, body.callbackUrl);
  const call = {
    workspaceId: caller.workspaceId,
    apiKeyId: caller.keyId,
    key: idempotencyKey,
    hash: requestHash(slug, body),
  };
  const { runId, replayed } = await onceForKey(call, async (remember) => {
    return startNewRun(
      { workspace: { id: caller.workspaceId }, user: null },
      {
        flowId: endpoint.flowId,
        versionId: endpoint.flowVersionId,
        graph,
        trigger: "endpoint",
        input,
        endpointId: endpoint.id,
        apiKeyId: caller.keyId,
        beforeStart: async (id) => {
          await remember(id);
          if (!body.callbackUrl) return;
          await createWebhookDelivery({
            workspaceId: caller.workspaceId,
            runId: id,
            apiKeyId: caller.keyId,
            url: body.callbackUrl,
          });
          deliverWhenSettled(id);
        },
      },
    );
  });
  return { runId, endpoint, replayed };
}
