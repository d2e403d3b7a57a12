import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { CallOptions, HttpRequest } from "@/lib/engine/context";
import { NodeError } from "@/lib/engine/errors";
import { createHttpPort, type HttpPortOptions } from "./http-port";
import type { Resolver } from "./lookup";

/** The local test server as tests see it: its origins and the request paths it received. */
export interface TestServer {
  base: string;
  rebindBase: string;
  port: number;
  hits: string[];
}

type Reply = (
  res: http.ServerResponse,
  server: TestServer,
  req: http.IncomingMessage,
  body: string,
) => void;

const redirect =
  (to: string, status = 302) =>
  (res: http.ServerResponse) =>
    res.writeHead(status, { location: to }).end();

const ROUTES: Record<string, Reply> = {
  "/api/demo/echo": (res, _s, req, body) => {
    res.setHeader("content-type", "application/json");
    res.setHeader("set-cookie", ["a=1", "b=2"]);
    res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
  },
  "/secret": (res) => res.end("internal secret"),
  "/api/demox": (res) => res.end("outside the prefix"),
  "/api/demo/to-secret": (res, s) => redirect(`${s.base}/secret`)(res),
  "/api/demo/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
  "/api/demo/to-echo": redirect("/api/demo/echo", 303),
  "/api/demo/to-echo-307": redirect("/api/demo/echo", 307),
  "/api/demo/to-other-origin": (res, s) => redirect(`${s.rebindBase}/api/demo/echo`)(res),
  "/api/demo/loop": redirect("/api/demo/loop"),
  "/api/demo/no-location": (res) => res.writeHead(302).end("no location"),
  "/api/demo/big-chunked": (res) => {
    for (let i = 0; i < 40; i += 1) res.write("x".repeat(64 * 1024));
    res.end();
  },
  "/api/demo/big-declared": (res) => {
    res.writeHead(200, { "content-length": String(10 * 1024 * 1024) });
    res.write("x".repeat(1024));
  },
  "/api/demo/hang": () => undefined,
};

/**
 * Registers a `node:http` server on 127.0.0.1 for the test file (started before all tests, hits
 * cleared before each); `rebindBase` names it as `rebind.test`, which `testResolver` maps to it.
 */
export function startTestServer(): TestServer {
  const state: TestServer = { base: "", rebindBase: "", port: 0, hits: [] };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      state.hits.push(req.url ?? "/");
      const route = ROUTES[new URL(req.url ?? "/", "http://server").pathname];
      if (route) route(res, state, req, body);
      else res.writeHead(404).end("not found");
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    state.port = (server.address() as AddressInfo).port;
    state.base = `http://127.0.0.1:${state.port}`;
    state.rebindBase = `http://rebind.test:${state.port}`;
  });
  beforeEach(() => void state.hits.splice(0));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return state;
}

/** A resolver answering from a fixed table (unknown names fail with ENOTFOUND). */
export function mapResolver(table: Record<string, string[]>): Resolver {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

/** Maps `rebind.test` to 127.0.0.1, like a DNS rebinding attack would. */
export const testResolver = mapResolver({ "rebind.test": ["127.0.0.1"] });

/** An HTTP port with the given rules, the test resolver and a 3 s deadline. */
export function portWith(allowRules: string[], extra: Partial<HttpPortOptions> = {}) {
  return createHttpPort({
    workspaceId: "ws_test",
    allowRules,
    lookup: testResolver,
    timeoutMs: 3000,
    ...extra,
  });
}

/** Call options with the idempotency key `run_1:http:2`. */
export function call(signal = new AbortController().signal): CallOptions {
  return { signal, idempotencyKey: "run_1:http:2" };
}

/** A GET request. */
export function get(url: string, headers: Record<string, string> = {}): HttpRequest {
  return { method: "GET", url, headers };
}

/** The NodeError a promise rejects with (fails when it resolves or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof NodeError)) throw new Error(`expected a NodeError, got ${String(error)}`);
  return error;
}
