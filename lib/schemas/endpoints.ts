import { z } from "zod";
import type { PromptLabelTargetDto } from "./change-requests";

/**
 * Published endpoints (issue 7), management API for engineers (`endpoint.manage`):
 *
 * - `GET /api/endpoints` -> EndpointListDto (traffic and error rate over the last 24 h)
 * - `POST /api/endpoints` {slug, flowVersionId} -> 201 `{ endpoint: EndpointDto }`; 409 `conflict`
 *   when the slug is taken in the workspace
 * - `GET /api/endpoints/:id` -> `{ endpoint: EndpointDto }`
 * - `POST /api/endpoints/:id/repoint` {flowVersionId} -> `{ endpoint }`; 403 `approval_required`
 *   when the new version changes a model or a pinned prompt compared with the served one (details:
 *   PublishApprovalDetails); then `POST /api/change-requests`
 *   `{ kind: "flow.publish", endpointId, flowVersionId }` opens the request, and its approval
 *   applies the repoint
 * - `POST /api/endpoints/:id/pause` -> `{ endpoint }` (drain: new calls get 503 with Retry-After,
 *   runs in flight finish); `POST /api/endpoints/:id/resume` -> `{ endpoint }`
 * - `DELETE /api/endpoints/:id` -> 204
 *
 * Callers reach an endpoint with an API key (lib/schemas/api-keys.ts) at
 * `POST /api/v1/flows/{slug}/run` (lib/schemas/endpoint-runs.ts). Every change is audited
 * (endpoint.publish, endpoint.repoint, endpoint.pause, endpoint.resume, endpoint.delete).
 */

/** An endpoint slug: the URL segment callers use; unique in the workspace, case-sensitive. */
export const endpointSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
  message: "Use 1-63 lower-case letters, digits or '-', starting with a letter or digit",
});

const recordId = z.string().min(1).max(64);

/** Endpoint states: `paused` answers new calls with 503 while runs in flight finish. */
export const ENDPOINT_STATUSES = ["active", "paused"] as const;
/** One endpoint state. */
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

/** Seconds a paused endpoint tells callers to wait (Retry-After). */
export const PAUSED_RETRY_AFTER_SECONDS = 30;

/** POST /api/endpoints: publish a saved flow version under a new slug. */
export const publishEndpointSchema = z.strictObject({
  slug: endpointSlugSchema,
  flowVersionId: recordId,
});
/** A publish body as sent. */
export type PublishEndpointInput = z.input<typeof publishEndpointSchema>;

/** POST /api/endpoints/:id/repoint: serve another version (of the same flow) from now on. */
export const repointEndpointSchema = z.strictObject({ flowVersionId: recordId });
/** A repoint body as sent. */
export type RepointEndpointInput = z.input<typeof repointEndpointSchema>;

/** Calls of an endpoint over the last 24 hours (runs it launched). */
export interface EndpointTrafficDto {
  /** Runs launched through the endpoint. */
  runs: number;
  succeeded: number;
  failed: number;
  /** failed / (succeeded + failed); null while none finished. */
  errorRate: number | null;
  /** Runs queued or running right now (what a pause drains). */
  inFlight: number;
  /** When the endpoint was last called (any time, not only the last 24 h); null if never. */
  lastCalledAt: string | null;
}

/** A published endpoint as the management API returns it. */
export interface EndpointDto {
  id: string;
  slug: string;
  status: EndpointStatus;
  flowId: string;
  flowName: string;
  /** The version the endpoint serves. */
  flowVersionId: string;
  version: number;
  versionMessage: string;
  /** Path of the run API: `/api/v1/flows/{slug}/run`. */
  runPath: string;
  createdAt: string;
  updatedAt: string;
  traffic: EndpointTrafficDto;
}

/** GET /api/endpoints. */
export interface EndpointListDto {
  endpoints: EndpointDto[];
}

/**
 * One model or pinned-prompt difference that makes a repoint need approval (a type, not an
 * interface, so a change request's target holding it stays a JSON value for the audit log).
 */
export type PublishChangeDto = {
  nodeId: string;
  nodeLabel: string;
  /** What changed on the node: its model (or fallbacks) or the managed prompt it uses. */
  field: "model" | "prompt";
  from: string | null;
  to: string | null;
};

/** `details` of the 403 `approval_required` a repoint answers. */
export interface PublishApprovalDetails {
  endpointId: string;
  flowVersionId: string;
  changes: PublishChangeDto[];
}

/**
 * What a `flow.publish` change request moves: an endpoint from one version of its flow to another.
 * It carries the prompt-label target's fields so change request lists render it (`promptId` and
 * `promptName` hold the endpoint id and slug, `label` is "endpoint"), plus its own.
 */
export interface FlowPublishTargetDto extends PromptLabelTargetDto {
  kind: "flow.publish";
  endpointId: string;
  slug: string;
  flowId: string;
  flowName: string;
  /** Model and managed-prompt changes from the version served when the request was opened. */
  changes: PublishChangeDto[];
}

/** Path of an endpoint's run API. */
export function endpointRunPath(slug: string): string {
  return `/api/v1/flows/${slug}/run`;
}
