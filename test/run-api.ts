import type { WorkspaceContext } from "@/lib/server/workspace-context";
import { createKey } from "@/lib/server/api-keys/keys";

/** A route handler as Next calls it. */
type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** A new API key of the workspace (all endpoints unless some are named); returns its secrets. */
export async function testKey(
  ctx: WorkspaceContext,
  scope: { endpointIds?: string[]; rateLimitPerMinute?: number } = {},
) {
  const created = await createKey(ctx, {
    name: `key ${Math.random().toString(36).slice(2, 7)}`,
    allEndpoints: !scope.endpointIds,
    endpointIds: scope.endpointIds ?? [],
    rateLimitPerMinute: scope.rateLimitPerMinute ?? 1_000,
  });
  const { id, name } = created.apiKey;
  return { id, name, secret: created.secret, webhookSecret: created.webhookSecret };
}

/** Calls a run API handler as a client would: Bearer key, headers, a JSON (or raw) body. */
export async function callApi(
  handler: Handler,
  options: {
    key?: string;
    params: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
    method?: string;
    signal?: AbortSignal;
  },
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request("http://test/api/v1", {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
    signal: options.signal,
  });
  return handler(request, { params: Promise.resolve(options.params) });
}
