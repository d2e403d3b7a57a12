import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NodeError } from "@/lib/engine/errors";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai/server";
import { createOpenAIAdapter } from "./openai";
import type { AdapterOptions, AdapterRequest } from "./types";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const request: AdapterRequest = {
  model: "gpt-4o-mini",
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "Say hello" },
  ],
  parameters: { temperature: 0.2, maxTokens: 50 },
};

const adapter = () => createOpenAIAdapter({ baseUrl: fake.baseUrl, apiKey: "sk-test-123" });
const options = (extra: Partial<AdapterOptions> = {}): AdapterOptions => ({
  signal: new AbortController().signal,
  timeoutMs: 5_000,
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NodeError);
  return error as NodeError;
}

describe("openai adapter against the fake server", () => {
  it("sends the chat body with the connection's key and reads the JSON answer and usage", async () => {
    fake.enqueue({
      kind: "ok",
      content: "Hello!",
      usage: { prompt_tokens: 20, completion_tokens: 3, cached_tokens: 8 },
    });
    const result = await adapter().complete(request, options());
    expect(result).toMatchObject({ text: "Hello!", provider: "openai", model: "gpt-4o-mini" });
    expect(result.usage).toEqual({ inputTokens: 20, outputTokens: 3, cachedTokens: 8 });
    const sent = fake.requests[0]!;
    expect(sent.headers.authorization).toBe("Bearer sk-test-123");
    expect(sent.body).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2, max_tokens: 50 });
    expect(sent.body.messages).toEqual(request.messages);
    expect(sent.body.stream).toBeUndefined();
  });

  it("asks for strict structured output when a JSON schema is given", async () => {
    const schema = { title: "Verdict", type: "object", properties: { ok: { type: "boolean" } } };
    fake.enqueue({ kind: "ok", content: '{"ok":true}' });
    const result = await adapter().complete({ ...request, jsonSchema: schema }, options());
    expect(JSON.parse(result.text)).toEqual({ ok: true });
    expect(fake.requests[0]!.body.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "Verdict", schema, strict: true },
    });
  });

  it("streams tokens in order and reads usage from the final chunk", async () => {
    fake.enqueue({
      kind: "slow",
      delayMs: 0,
      chunkDelayMs: 5,
      content: "one two three four",
      usage: { prompt_tokens: 9, completion_tokens: 4, cached_tokens: 2 },
    });
    const tokens: string[] = [];
    const result = await adapter().complete(request, options({ onToken: (t) => tokens.push(t) }));
    expect(tokens).toEqual(["one ", "two ", "three ", "four"]);
    expect(result.text).toBe("one two three four");
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 4, cachedTokens: 2 });
    expect(fake.requests[0]!.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("reports zero usage when a compatible server streams none", async () => {
    fake.enqueue({ kind: "ok", content: "hi", omitStreamUsage: true });
    const result = await adapter().complete(request, options({ onToken: () => undefined }));
    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 0, cachedTokens: 0 });
  });

  it("returns tool calls, plain and streamed", async () => {
    const toolCalls = [{ name: "lookup_order", arguments: '{"id":"A-1"}' }];
    fake.enqueue({ kind: "ok", toolCalls }, { kind: "ok", toolCalls });
    const plain = await adapter().complete(request, options());
    const streamed = await adapter().complete(request, options({ onToken: () => undefined }));
    for (const result of [plain, streamed]) {
      expect(result.text).toBe("");
      expect(result.toolCalls).toEqual([
        { id: "call_1", name: "lookup_order", arguments: '{"id":"A-1"}' },
      ]);
    }
  });

  it("maps 429 with Retry-After in seconds, as a date and in ms to a retryable error with the wait", async () => {
    const inFive = new Date(Date.now() + 5_000).toUTCString();
    fake.enqueue(
      { kind: "rate_limit", retryAfter: "2" },
      { kind: "rate_limit", retryAfter: inFive },
      { kind: "rate_limit", retryAfterMs: "1500" },
    );
    const seconds = await failure(adapter().complete(request, options()));
    const date = await failure(adapter().complete(request, options()));
    const ms = await failure(adapter().complete(request, options()));
    for (const error of [seconds, date, ms])
      expect([error.code, error.retryable]).toEqual(["rate_limited", true]);
    expect(seconds.options.retryAfterMs).toBe(2_000);
    expect(date.options.retryAfterMs).toBeGreaterThan(3_000);
    expect(date.options.retryAfterMs).toBeLessThanOrEqual(5_000);
    expect(ms.options.retryAfterMs).toBe(1_500);
    expect(fake.requests).toHaveLength(3);
  });

  it("maps 5xx to retryable and other 4xx to non-retryable errors, without SDK retries", async () => {
    fake.enqueue(
      { kind: "error", status: 500 },
      { kind: "error", status: 400, message: "bad field" },
      { kind: "error", status: 401 },
    );
    const server = await failure(adapter().complete(request, options()));
    const bad = await failure(adapter().complete(request, options()));
    const auth = await failure(adapter().complete(request, options()));
    expect([server.code, server.retryable]).toEqual(["provider_error", true]);
    expect([bad.code, bad.retryable]).toEqual(["provider_bad_request", false]);
    expect(bad.message).toContain("bad field");
    expect([auth.code, auth.retryable]).toEqual(["provider_auth", false]);
    expect(fake.requests).toHaveLength(3);
  });

  it("maps a malformed or misshapen body to a retryable provider_bad_response", async () => {
    fake.enqueue({ kind: "malformed" }, { kind: "malformed", body: '{"unexpected": true}' });
    for (let i = 0; i < 2; i++) {
      const error = await failure(adapter().complete(request, options()));
      expect([error.code, error.retryable]).toEqual(["provider_bad_response", true]);
    }
  });

  it("gives up on a hanging server at its time-out", async () => {
    fake.enqueue({ kind: "hang" });
    const started = Date.now();
    const error = await failure(adapter().complete(request, options({ timeoutMs: 300 })));
    expect([error.code, error.retryable]).toEqual(["timeout", true]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops when the node's signal fires: cancellation is final, the node's time-out retryable", async () => {
    fake.enqueue({ kind: "hang" }, { kind: "hang" });
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(new Error("run cancelled")), 100);
    const started = Date.now();
    const cancelled = await failure(
      adapter().complete(request, options({ signal: cancel.signal })),
    );
    expect([cancelled.code, cancelled.retryable]).toEqual(["aborted", false]);
    expect(Date.now() - started).toBeLessThan(1_000);
    const timedOut = await failure(
      adapter().complete(request, options({ signal: AbortSignal.timeout(100) })),
    );
    expect([timedOut.code, timedOut.retryable]).toEqual(["timeout", true]);
  });

  it("stops a stream mid-way when the signal fires", async () => {
    fake.enqueue({ kind: "slow", delayMs: 0, chunkDelayMs: 100, content: "a b c d e f g h i j" });
    const cancel = new AbortController();
    const tokens: string[] = [];
    const promise = adapter().complete(
      request,
      options({
        signal: cancel.signal,
        onToken: (t) => (tokens.push(t), tokens.length === 2 && cancel.abort()),
      }),
    );
    const error = await failure(promise);
    expect(error.code).toBe("aborted");
    expect(tokens).toHaveLength(2);
  });

  it("reports an unreachable server as retryable provider_unavailable", async () => {
    const other = await startFakeOpenAI();
    await other.close();
    const error = await failure(
      createOpenAIAdapter({ baseUrl: other.baseUrl, apiKey: "k" }).complete(request, options()),
    );
    expect([error.code, error.retryable]).toEqual(["provider_unavailable", true]);
  });
});
