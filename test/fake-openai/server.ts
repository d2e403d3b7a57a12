import http from "node:http";
import type { AddressInfo } from "node:net";
import { completionBody, streamChunks, type FakeReply } from "./wire";

/** One scripted answer of the fake server; requests take them from a queue in order. */
export type FakeBehaviour =
  | ({ kind: "ok" } & FakeReply)
  | ({ kind: "slow"; delayMs: number; chunkDelayMs?: number } & FakeReply)
  | { kind: "rate_limit"; retryAfter?: string; retryAfterMs?: string }
  | { kind: "error"; status: number; message?: string }
  | { kind: "hang" }
  | { kind: "malformed"; body?: string; contentType?: string };

/** A request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A running fake OpenAI-compatible server. */
export interface FakeOpenAI {
  /** Base URL to give the SDK, e.g. http://127.0.0.1:PORT/v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Requests being answered right now, and the most seen at once. */
  inFlight: number;
  maxInFlight: number;
  /** Appends behaviours to the queue; when it is empty, requests get `fallback`. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  fallback: FakeBehaviour;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function reply(
  res: http.ServerResponse,
  body: Record<string, unknown>,
  behaviour: FakeBehaviour & FakeReply,
  chunkDelayMs: number,
): Promise<void> {
  if (body.stream !== true) return sendJson(res, 200, completionBody(body, behaviour));
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const chunk of streamChunks(body, behaviour)) {
    if (res.destroyed) return;
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    if (chunkDelayMs > 0) await sleep(chunkDelayMs);
  }
  res.end("data: [DONE]\n\n");
}

async function answer(
  res: http.ServerResponse,
  body: Record<string, unknown>,
  behaviour: FakeBehaviour,
): Promise<void> {
  switch (behaviour.kind) {
    case "ok":
      return reply(res, body, behaviour, 0);
    case "slow":
      await sleep(behaviour.delayMs);
      if (res.destroyed) return;
      return reply(res, body, behaviour, behaviour.chunkDelayMs ?? 0);
    case "rate_limit": {
      const headers: Record<string, string> = {};
      if (behaviour.retryAfter !== undefined) headers["retry-after"] = behaviour.retryAfter;
      if (behaviour.retryAfterMs !== undefined) headers["retry-after-ms"] = behaviour.retryAfterMs;
      const error = {
        message: "Rate limit reached",
        type: "requests",
        code: "rate_limit_exceeded",
      };
      return sendJson(res, 429, { error }, headers);
    }
    case "error": {
      const error = { message: behaviour.message ?? "Server error", type: "server_error" };
      return sendJson(res, behaviour.status, { error });
    }
    case "hang":
      return new Promise((resolve) => res.on("close", () => resolve()));
    case "malformed":
      res.writeHead(200, { "content-type": behaviour.contentType ?? "application/json" });
      res.end(behaviour.body ?? '{"id": "chatcmpl-broken", "choices": [');
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

/** Starts a fake `POST /v1/chat/completions` server on 127.0.0.1 (a free port). */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: FakeBehaviour[] = [];
  const server = http.createServer();
  const fake: FakeOpenAI = {
    baseUrl: "",
    requests: [],
    inFlight: 0,
    maxInFlight: 0,
    fallback: { kind: "ok" },
    enqueue: (...behaviours) => void queue.push(...behaviours),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  server.on("request", async (req, res) => {
    const raw = await readBody(req);
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      return sendJson(res, 404, { error: { message: `No route ${req.method} ${req.url}` } });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { error: { message: "Request body is not JSON" } });
    }
    fake.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    fake.inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, fake.inFlight);
    try {
      await answer(res, body, queue.shift() ?? fake.fallback);
    } finally {
      fake.inFlight--;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
