import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** A Next.js route module: its exported method handlers. */
export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

interface CompiledRoute {
  pattern: RegExp;
  names: string[];
  module: RouteModule;
}

function compile(path: string, module: RouteModule): CompiledRoute {
  const names: string[] = [];
  const source = path.replace(/[.]/g, "\\.").replace(/\[(\w+)\]/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}$`), names, module };
}

function toRequest(req: http.IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
}

async function send(response: Response, res: http.ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) break;
    res.write(value);
  }
  res.end();
}

/**
 * Serves Next.js route handlers over real HTTP on a loopback port, the way Next calls them: a
 * Request whose signal aborts when the client goes away, `params` from `[name]` segments, and the
 * Response streamed back as it is produced. Routes are `{ "/api/v1/flows/[slug]/run": module }`.
 */
export async function serveRoutes(
  routes: Record<string, RouteModule>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const compiled = Object.entries(routes).map(([path, module]) => compile(path, module));
  const server = http.createServer((req, res) => {
    const controller = new AbortController();
    res.on("close", () => !res.writableFinished && controller.abort());
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const route = compiled
      .map((r) => ({ r, match: r.pattern.exec(pathname) }))
      .find((m) => m.match !== null);
    const handler = route?.r.module[req.method as keyof RouteModule];
    if (!route || !handler) {
      res.writeHead(route ? 405 : 404, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ error: { code: "not_found", message: pathname } }));
    }
    const params = Object.fromEntries(
      route.r.names.map((name, i) => [name, decodeURIComponent(route.match![i + 1]!)]),
    );
    const request = toRequest(req, `http://${req.headers.host}`, controller.signal);
    void handler(request, { params: Promise.resolve(params) })
      .then((response) => send(response, res))
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy();
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
