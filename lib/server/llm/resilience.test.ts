import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NodeError } from "@/lib/engine/errors";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai/server";
import { breakerKey, breakerState, configureBreakers, countsAsFailure } from "./breaker";
import { ConnectionLimiter } from "./bulkhead";
import { createOpenAIAdapter } from "./providers/openai";
import { guardedCall, type GuardedConnection } from "./resilience";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  configureBreakers();
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.maxInFlight = 0;
  configureBreakers({ threshold: 3, halfOpenAfterMs: 150 });
});

let seq = 0;
function connection(limits: Partial<GuardedConnection> = {}): GuardedConnection {
  seq++;
  return {
    id: `conn-${seq}`,
    provider: "openai",
    baseUrl: fake.baseUrl,
    maxConcurrent: 4,
    requestsPerMinute: 10_000,
    ...limits,
  };
}

const signal = () => new AbortController().signal;
const messages = [{ role: "user" as const, content: "hi" }];

function call(conn: GuardedConnection, model: string, s = signal()) {
  const adapter = createOpenAIAdapter({ baseUrl: conn.baseUrl, apiKey: "k" });
  return guardedCall(
    conn,
    model,
    () => adapter.complete({ model, messages }, { signal: s, timeoutMs: 5_000 }),
    s,
  );
}

async function failure(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NodeError);
  return error as NodeError;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("circuit breaker per provider + model", () => {
  it("opens after consecutive failures, fails fast, then half-opens after the cool-down", async () => {
    const conn = connection();
    fake.enqueue(
      { kind: "error", status: 500 },
      { kind: "error", status: 503 },
      { kind: "error", status: 500 },
    );
    for (let i = 0; i < 3; i++)
      expect((await failure(call(conn, "m-open"))).code).toBe("provider_error");
    expect(breakerState(breakerKey("openai", fake.baseUrl, "m-open"))).toBe("open");
    const started = Date.now();
    const open = await failure(call(conn, "m-open"));
    expect([open.code, open.retryable]).toEqual(["circuit_open", true]);
    expect(Date.now() - started).toBeLessThan(50);
    expect(fake.requests).toHaveLength(3);
    expect((await call(conn, "m-other")).text).toBe("Echo: hi");
    await sleep(200);
    expect((await call(conn, "m-open")).text).toBe("Echo: hi");
    expect(breakerState(breakerKey("openai", fake.baseUrl, "m-open"))).toBe("closed");
  });

  it("re-opens when the trial call after the cool-down fails", async () => {
    const conn = connection();
    fake.enqueue(...Array.from({ length: 4 }, () => ({ kind: "error" as const, status: 500 })));
    for (let i = 0; i < 3; i++) await failure(call(conn, "m-trial"));
    await sleep(200);
    expect((await failure(call(conn, "m-trial"))).code).toBe("provider_error");
    expect((await failure(call(conn, "m-trial"))).code).toBe("circuit_open");
    expect(fake.requests).toHaveLength(4);
  });

  it("does not count non-retryable errors or cancellations as provider failures", async () => {
    const conn = connection();
    fake.enqueue(...Array.from({ length: 3 }, () => ({ kind: "error" as const, status: 400 })));
    for (let i = 0; i < 3; i++)
      expect((await failure(call(conn, "m-4xx"))).code).toBe("provider_bad_request");
    fake.enqueue({ kind: "hang" }, { kind: "hang" }, { kind: "hang" });
    for (let i = 0; i < 3; i++) {
      const cancel = new AbortController();
      setTimeout(() => cancel.abort(), 20);
      expect((await failure(call(conn, "m-4xx", cancel.signal))).code).toBe("aborted");
    }
    expect(breakerState(breakerKey("openai", fake.baseUrl, "m-4xx"))).toBe("closed");
    expect((await call(conn, "m-4xx")).text).toBe("Echo: hi");
  });
});

describe("bulkhead per connection", () => {
  it("never runs more calls at once than the connection allows", async () => {
    const conn = connection({ maxConcurrent: 2 });
    fake.enqueue(...Array.from({ length: 7 }, () => ({ kind: "slow" as const, delayMs: 60 })));
    const results = await Promise.all(Array.from({ length: 7 }, () => call(conn, "m-bulk")));
    expect(results.every((r) => r.text === "Echo: hi")).toBe(true);
    expect(fake.requests).toHaveLength(7);
    expect(fake.maxInFlight).toBe(2);
  });

  it("refuses calls beyond the queue bound with a retryable rate_limited that does not trip the breaker", async () => {
    const limiter = new ConnectionLimiter({
      maxConcurrent: 1,
      requestsPerMinute: 10_000,
      queueLimit: 2,
      burst: 100,
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => limiter.run(() => sleep(40).then(() => "done"), signal())),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const refused = outcomes.flatMap((o) =>
      o.status === "rejected" ? [o.reason as NodeError] : [],
    );
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect([error.code, error.retryable, error.options.retryAfterMs! > 0]).toEqual([
        "rate_limited",
        true,
        true,
      ]);
      expect(countsAsFailure(error)).toBe(false);
    }
  });

  it("spaces calls to the requests-per-minute rate after the burst", async () => {
    const limiter = new ConnectionLimiter({
      maxConcurrent: 10,
      requestsPerMinute: 600,
      queueLimit: 10,
      burst: 2,
    });
    const started = Date.now();
    const offsets = await Promise.all(
      Array.from({ length: 4 }, () => limiter.run(async () => Date.now() - started, signal())),
    );
    offsets.sort((a, b) => a - b);
    expect(offsets[1]).toBeLessThan(50);
    expect(offsets[2]).toBeGreaterThanOrEqual(90);
    expect(offsets[3]).toBeGreaterThanOrEqual(190);
    expect(offsets[3]).toBeLessThan(600);
  });

  it("refuses rate waiters beyond the queue bound, telling them how long to wait", async () => {
    const limiter = new ConnectionLimiter({
      maxConcurrent: 10,
      requestsPerMinute: 60,
      queueLimit: 1,
      burst: 1,
    });
    const cancel = new AbortController();
    const first = limiter.run(async () => "now", signal());
    const waiting = limiter.run(async () => "later", cancel.signal);
    const refused = await failure(limiter.run(async () => "never", signal()));
    expect(await first).toBe("now");
    expect(refused.code).toBe("rate_limited");
    expect(refused.options.retryAfterMs).toBeGreaterThan(1_000);
    expect(refused.options.retryAfterMs).toBeLessThanOrEqual(2_000);
    cancel.abort();
    expect((await failure(waiting)).code).toBe("aborted");
  });
});
