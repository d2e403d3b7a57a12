import type { CallOptions, HttpPort, HttpRequest, HttpResponse } from "@/lib/engine/context";
import { NodeError } from "@/lib/engine/errors";
import { logger } from "../logger";
import { systemResolver, type Resolver } from "./lookup";
import { sendHop, type Hop } from "./send";
import { checkHost, describeUrl, matchesAllowRule, parseTargetUrl } from "./url-policy";

/** Defaults: 5 MB of response body, 5 redirects, 30 s per call when the caller sets no deadline. */
export const HTTP_LIMITS = {
  maxResponseBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  timeoutMs: 30_000,
};

/** How the HTTP port of one run is set up. */
export interface HttpPortOptions {
  workspaceId: string;
  /** Normalised allow rules (origins or URL prefixes) of the workspace. */
  allowRules: readonly string[];
  /** Host name resolution (default: the system resolver); tests inject their own. */
  lookup?: Resolver;
  maxResponseBytes?: number;
  maxRedirects?: number;
  timeoutMs?: number;
}

// Set by the port, never by the flow: framing, routing and the port's own headers.
const RESERVED_HEADERS = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "proxy-connection",
  "proxy-authorization",
  "accept-encoding",
  "idempotency-key",
]);

// Kept across a redirect to another origin; everything else (credentials, API keys) is dropped.
const CROSS_ORIGIN_SAFE = new Set(["accept", "accept-language", "content-type", "user-agent"]);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function outgoingHeaders(request: HttpRequest, options: CallOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!RESERVED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  headers["user-agent"] ??= "Trellis-HTTP-Tool/1";
  headers["accept-encoding"] = "identity";
  headers["idempotency-key"] = options.idempotencyKey;
  return headers;
}

function nextHop(current: Hop, location: string, status: number): Omit<Hop, "allowed"> {
  let url: URL;
  try {
    url = parseTargetUrl(new URL(location, current.url).href);
  } catch (error) {
    if (error instanceof NodeError && error.code === "ssrf_blocked") throw error;
    throw new NodeError(`Invalid redirect from ${describeUrl(current.url)}`, "http_bad_redirect", {
      retryable: false,
    });
  }
  // As browsers do: 303 turns any method into GET, 301 and 302 turn POST into GET.
  const toGet =
    current.method !== "GET" && (status === 303 || (current.method === "POST" && status <= 302));
  let headers = { ...current.headers };
  if (url.origin !== current.url.origin) {
    headers = Object.fromEntries(
      Object.entries(headers).filter(
        ([name]) => CROSS_ORIGIN_SAFE.has(name) || RESERVED_HEADERS.has(name),
      ),
    );
  }
  if (toGet) delete headers["content-type"];
  return {
    url,
    method: toGet ? "GET" : current.method,
    headers,
    body: toGet ? undefined : current.body,
  };
}

/**
 * The HTTP port with SSRF protection: http(s) only; loopback, private, link-local, metadata and
 * other special addresses refused (checked on the resolved address at connect time) unless the
 * URL matches a workspace allow rule (metadata stays refused even then); redirects followed by
 * hand and re-checked at every hop; response size and time capped; the idempotency key sent as
 * the `Idempotency-Key` header.
 */
export function createHttpPort(options: HttpPortOptions): HttpPort {
  const maxResponseBytes = options.maxResponseBytes ?? HTTP_LIMITS.maxResponseBytes;
  const maxRedirects = options.maxRedirects ?? HTTP_LIMITS.maxRedirects;
  const resolver = options.lookup ?? systemResolver;
  const timeoutMs = options.timeoutMs ?? HTTP_LIMITS.timeoutMs;

  async function request(req: HttpRequest, call: CallOptions): Promise<HttpResponse> {
    const signal = AbortSignal.any([call.signal, AbortSignal.timeout(timeoutMs)]);
    let hop: Omit<Hop, "allowed"> = {
      url: parseTargetUrl(req.url),
      method: req.method,
      headers: outgoingHeaders(req, call),
      body: req.body,
    };
    for (let redirects = 0; ; redirects += 1) {
      const allowed = matchesAllowRule(hop.url, options.allowRules);
      const current: Hop = { ...hop, allowed };
      try {
        checkHost(current.url, allowed);
        const result = await sendHop(current, {
          resolver,
          maxResponseBytes,
          signal,
          skipBody: (status, headers) => REDIRECTS.has(status) && Boolean(headers.location),
        });
        const location = result.headers.location;
        if (!REDIRECTS.has(result.status) || !location) return result;
        if (redirects >= maxRedirects) {
          throw new NodeError(`More than ${maxRedirects} redirects`, "http_too_many_redirects", {
            retryable: false,
          });
        }
        hop = nextHop(current, location, result.status);
      } catch (error) {
        if (error instanceof NodeError && error.code === "ssrf_blocked") {
          logger.warn(
            {
              workspaceId: options.workspaceId,
              url: describeUrl(current.url),
              reason: error.options.details,
            },
            "http tool request refused",
          );
        }
        if (!call.signal.aborted && signal.aborted && error === signal.reason) {
          throw new NodeError(`The request timed out after ${timeoutMs} ms`, "timeout");
        }
        throw error;
      }
    }
  }

  return { request };
}
