import { z } from "zod";
import type { FlowGraph } from "@/lib/engine";
import {
  DEFAULT_SYNC_WAIT_MS,
  ENDPOINT_BODY_LIMIT,
  runEndpointSchema,
} from "@/lib/schemas/endpoint-runs";
import { endpointRunPath, type EndpointStatus } from "@/lib/schemas/endpoints";
import { errorResponses, ref, sharedComponents } from "./components";
import { flowInputSchema, flowOutputSchema, type JsonSchema } from "./flow-schemas";

/** What the contract of one endpoint is generated from: its slug and the version it serves. */
export interface EndpointContract {
  slug: string;
  status: EndpointStatus;
  flowName: string;
  version: number;
  graph: FlowGraph;
}

/** An OpenAPI 3.1 document as plain JSON. */
export type OpenApiDocument = Record<string, unknown> & { openapi: "3.1.0" };

/** Extra paths and schemas a document may carry (the OpenAI-compatible API). */
export interface DocumentExtras {
  paths?: Record<string, unknown>;
  schemas?: Record<string, JsonSchema>;
}

/** The path of the run status API. */
const RUNS_PATH = "/api/v1/runs/{id}";

function runJson(runSchema: JsonSchema): Record<string, unknown> {
  return {
    "application/json": {
      schema: { type: "object", required: ["run"], properties: { run: runSchema } },
    },
  };
}

/** A user schema keeps its local `$ref`s resolving inside itself once embedded. */
function embedded(schema: JsonSchema, id: string): JsonSchema {
  return JSON.stringify(schema).includes('"$ref"') && schema.$id === undefined
    ? { $id: id, ...schema }
    : schema;
}

function requestSchema(slug: string): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(runEndpointSchema, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema & { properties: Record<string, JsonSchema> };
  const properties = schema.properties as Record<string, JsonSchema>;
  return {
    ...schema,
    properties: {
      input: { ...ref("schemas", `${slug}.Input`), description: "The flow's input." },
      mode: {
        ...properties.mode,
        description:
          "`sync` waits for the run (up to `waitMs`); `async` answers 202 at once; `stream` " +
          "answers Server-Sent Events.",
      },
      callbackUrl: {
        ...properties.callbackUrl,
        description:
          "async: the settled run is POSTed here, signed with the key's webhook secret " +
          '(`Trellis-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`).',
      },
      waitMs: {
        ...properties.waitMs,
        description: `sync only: how long to wait before answering 202 (default ${DEFAULT_SYNC_WAIT_MS}).`,
      },
    },
  };
}

function operationId(slug: string): string {
  return `run_${slug.replaceAll("-", "_")}`;
}

function runOperation(endpoint: EndpointContract): Record<string, unknown> {
  const runRef = ref("schemas", `${endpoint.slug}.Run`);
  const paused = endpoint.status === "paused" ? " The endpoint is paused: calls get 503." : "";
  return {
    operationId: operationId(endpoint.slug),
    summary: `Run ${endpoint.flowName}`,
    description: `Runs version ${endpoint.version} of the flow "${endpoint.flowName}".${paused} Bodies over ${ENDPOINT_BODY_LIMIT} bytes get 413.`,
    tags: ["Endpoints"],
    parameters: [ref("parameters", "IdempotencyKey")],
    requestBody: {
      required: true,
      content: { "application/json": { schema: ref("schemas", `${endpoint.slug}.RunRequest`) } },
    },
    responses: {
      "200": {
        description:
          "sync: the run settled (succeeded, failed, cancelled or waiting for a person). " +
          "stream: `text/event-stream` with `run.created` `{ run }`, the engine's events " +
          "(`node.started`, `node.token`, `node.succeeded` ...) and `run.result` `{ run }`.",
        content: {
          ...runJson(runRef),
          "text/event-stream": { schema: { type: "string" } },
        },
      },
      "202": {
        description:
          "async, or sync that did not settle within `waitMs`: poll `run.statusUrl` with the same key.",
        content: runJson(runRef),
      },
      ...errorResponses(["400", "401", "402", "403", "404", "409", "413", "415", "429", "503"]),
    },
  };
}

const getRunOperation = {
  operationId: "get_run",
  summary: "Get a run",
  description: "Status, output, usage and cost of a run this key may see.",
  tags: ["Runs"],
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
  responses: {
    "200": { description: "The run.", content: runJson(ref("schemas", "EndpointRun")) },
    ...errorResponses(["401", "404", "429"]),
  },
};

function endpointSchemas(endpoint: EndpointContract): Record<string, JsonSchema> {
  const { slug } = endpoint;
  const output = flowOutputSchema(endpoint.graph);
  return {
    [`${slug}.Input`]: embedded(flowInputSchema(endpoint.graph), `urn:trellis:${slug}:input`),
    [`${slug}.Output`]: embedded(output, `urn:trellis:${slug}:output`),
    [`${slug}.RunRequest`]: requestSchema(slug),
    [`${slug}.Run`]: {
      allOf: [
        ref("schemas", "EndpointRun"),
        {
          type: "object",
          properties: { output: { anyOf: [ref("schemas", `${slug}.Output`), { type: "null" }] } },
        },
      ],
    },
  };
}

/**
 * The OpenAPI 3.1 document of endpoints: each one's run operation (request body `input` from the
 * Input node's schema, run output from the Output node's where known, sync/async/stream modes and
 * every error answer), `GET /api/v1/runs/{id}` and bearer API key security.
 */
export function openApiDocument(
  endpoints: EndpointContract[],
  info: { title: string; version: string; description?: string },
  serverUrl: string,
  extras: DocumentExtras = {},
): OpenApiDocument {
  const shared = sharedComponents();
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const endpoint of [...endpoints].sort((a, b) => a.slug.localeCompare(b.slug))) {
    paths[endpointRunPath(endpoint.slug)] = { post: runOperation(endpoint) };
    Object.assign(schemas, endpointSchemas(endpoint));
  }
  paths[RUNS_PATH] = { get: getRunOperation };
  // A fresh copy: callers may change their document without touching the shared parts.
  return structuredClone({
    openapi: "3.1.0" as const,
    info,
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths: { ...paths, ...extras.paths },
    components: {
      ...shared,
      schemas: {
        ...(shared.schemas as Record<string, JsonSchema>),
        ...schemas,
        ...extras.schemas,
      },
    },
  });
}
