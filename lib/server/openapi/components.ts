import { MAX_IDEMPOTENCY_KEY_LENGTH } from "@/lib/schemas/endpoint-runs";
import type { JsonSchema } from "./flow-schemas";

/** A `$ref` to a component of the document. */
export function ref(kind: "schemas" | "responses" | "parameters", name: string): JsonSchema {
  return { $ref: `#/components/${kind}/${name}` };
}

const RETRY_AFTER = {
  description: "Seconds to wait before trying again.",
  schema: { type: "integer", minimum: 1 },
};

/** Error responses of the Trellis run API: status -> [component name, what it means]. */
const ERROR_RESPONSES: Record<string, [string, string]> = {
  "400": [
    "BadRequest",
    "The body is not valid JSON, or does not match the request schema or the flow's Input " +
      "schema (`validation_failed` with `details.issues`).",
  ],
  "401": ["Unauthorized", "No API key, an unknown key or a revoked one (`unauthorized`)."],
  "402": ["BudgetExceeded", "The workspace or flow is over its budget (`budget_exceeded`)."],
  "403": ["Forbidden", "The key may not do this (`forbidden`)."],
  "404": ["NotFound", "No such endpoint or run for this key (`not_found`)."],
  "409": ["Conflict", "The Idempotency-Key was used with another body (`conflict`)."],
  "413": ["PayloadTooLarge", "The body is over the limit (`payload_too_large`)."],
  "415": ["UnsupportedMediaType", "The body is not `application/json`."],
  "429": [
    "RateLimited",
    "The key is over its calls per minute (`rate_limited`); wait `Retry-After` seconds.",
  ],
  "503": [
    "Unavailable",
    "The endpoint is paused (`unavailable`); calls in flight finish. Retry after `Retry-After`.",
  ],
};

const WITH_RETRY_AFTER = new Set(["429", "503"]);

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "details"],
      properties: {
        code: { type: "string", examples: ["validation_failed", "unauthorized", "rate_limited"] },
        message: { type: "string", description: "A sentence for people." },
        details: {
          description: "Machine-readable details, e.g. `issues: [{ path, message }]` for a 400.",
        },
      },
    },
  },
};

const USAGE_SCHEMA: JsonSchema = {
  type: "object",
  required: ["tokensIn", "tokensOut", "tokensCached"],
  properties: {
    tokensIn: { type: "integer" },
    tokensOut: { type: "integer" },
    tokensCached: { type: "integer" },
  },
};

const RUN_SCHEMA: JsonSchema = {
  type: "object",
  required: ["id", "status", "endpoint", "output", "error", "usage", "costUsd", "statusUrl"],
  properties: {
    id: { type: "string" },
    status: {
      type: "string",
      enum: ["queued", "running", "waiting", "succeeded", "failed", "cancelled"],
    },
    endpoint: {
      type: ["string", "null"],
      description: "The endpoint slug the run came through (null once the endpoint is deleted).",
    },
    flowVersionId: { type: ["string", "null"] },
    output: { description: "The flow's output once the run succeeded; null before." },
    error: { description: "What failed, for a failed run; null otherwise." },
    usage: ref("schemas", "Usage"),
    costUsd: { type: "string", description: "USD as a decimal string.", examples: ["0.00042"] },
    latencyMs: { type: ["integer", "null"] },
    createdAt: { type: "string", format: "date-time" },
    finishedAt: { type: ["string", "null"], format: "date-time" },
    statusUrl: { type: "string", description: "GET it with the same key for the run's status." },
  },
};

/** The `components` every generated document shares: error shape, run, usage, bearer auth. */
export function sharedComponents(): Record<string, unknown> {
  const responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, [name, description]]) => [
      name,
      {
        description,
        ...(WITH_RETRY_AFTER.has(status) ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
        content: { "application/json": { schema: ref("schemas", "Error") } },
      },
    ]),
  );
  return {
    securitySchemes: {
      apiKey: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "trl_...",
        description: "An API key of the workspace: `Authorization: Bearer trl_...`.",
      },
    },
    schemas: { Error: ERROR_SCHEMA, Usage: USAGE_SCHEMA, EndpointRun: RUN_SCHEMA },
    responses,
    parameters: {
      IdempotencyKey: {
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description:
          "Retrying with the same key and body answers the original run; the same key with " +
          "another body is a 409.",
        schema: { type: "string", maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
      },
    },
  };
}

/** `responses` entries for the given error statuses, each a `$ref` to its shared response. */
export function errorResponses(statuses: string[]): Record<string, JsonSchema> {
  return Object.fromEntries(
    statuses.map((status) => [status, ref("responses", ERROR_RESPONSES[status]![0])]),
  );
}
