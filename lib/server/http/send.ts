import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { NodeError } from "@/lib/engine/errors";
import { guardedLookup, type Resolver } from "./lookup";
import { bareHost, describeUrl } from "./url-policy";

/** One request on the wire (no redirects followed). */
export interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** The URL matched an allow rule: private and loopback addresses may be reached. */
  allowed: boolean;
}

/** What one hop returned. */
export interface HopResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Limits and hooks of a hop. */
export interface HopOptions {
  resolver: Resolver;
  maxResponseBytes: number;
  signal: AbortSignal;
  /** Read no body (a redirect is about to be followed). */
  skipBody?: (status: number, headers: Record<string, string>) => boolean;
}

function flattenHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

const PERMANENT_NETWORK = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO|ERR_INVALID/;

function networkFailure(url: URL, error: unknown): NodeError {
  if (error instanceof NodeError) return error;
  const code = (error as { code?: string }).code ?? "unknown";
  // Node's own messages can name the resolved address; this one names only what the flow asked for.
  return new NodeError(`Request to ${describeUrl(url)} failed (${code})`, "http_network_error", {
    retryable: !PERMANENT_NETWORK.test(code),
    details: { code },
  });
}

function tooLarge(url: URL, limit: number): NodeError {
  return new NodeError(
    `The response of ${describeUrl(url)} is larger than ${limit} bytes and was cut off`,
    "http_response_too_large",
    { retryable: false, details: { limit } },
  );
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new NodeError("The request was aborted", "aborted");
}

/**
 * Sends one request over node:http(s) with the guarded lookup, reads at most `maxResponseBytes`
 * of the body and honours the abort signal throughout.
 */
export function sendHop(hop: Hop, options: HopOptions): Promise<HopResult> {
  const { signal, maxResponseBytes } = options;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<HopResult>((resolve, reject) => {
    let request: http.ClientRequest | undefined;
    let refused: NodeError | undefined;
    let settled = false;
    const finish = (error: Error | null, result?: HopResult) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      if (error) {
        request?.destroy();
        reject(error);
      } else resolve(result!);
    };
    const onAbort = () => finish(abortError(signal));
    try {
      const client = hop.url.protocol === "https:" ? https : http;
      request = client.request({
        protocol: hop.url.protocol,
        hostname: bareHost(hop.url),
        port: hop.url.port || undefined,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers: hop.headers,
        agent: false,
        lookup: guardedLookup(options.resolver, hop.url, hop.allowed, (e) => (refused = e)),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return reject(
        new NodeError(`Invalid request: ${message}`, "invalid_request", { retryable: false }),
      );
    }
    signal.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error) =>
      finish(refused ?? (signal.aborted ? abortError(signal) : networkFailure(hop.url, error))),
    );
    request.on("response", (response) => {
      const headers = flattenHeaders(response);
      const status = response.statusCode ?? 0;
      if (options.skipBody?.(status, headers)) {
        response.resume();
        return finish(null, { status, headers, body: "" });
      }
      const declared = Number(headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxResponseBytes)
        return finish(tooLarge(hop.url, maxResponseBytes));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) return finish(tooLarge(hop.url, maxResponseBytes));
        chunks.push(chunk);
      });
      response.on("end", () =>
        finish(null, { status, headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", (error) =>
        finish(signal.aborted ? abortError(signal) : networkFailure(hop.url, error)),
      );
      response.on("close", () => {
        if (!response.complete) finish(networkFailure(hop.url, { code: "ECONNRESET" }));
      });
    });
    request.end(hop.body);
  });
}
