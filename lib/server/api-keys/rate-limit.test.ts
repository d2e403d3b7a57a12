import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { expectApiError } from "@/test/api-error";
import { createKeyRateLimiter, type KeyRateLimiter } from "./rate-limit";

const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const opened: KeyRateLimiter[] = [];
afterAll(() => Promise.all(opened.map((l) => l.close())));

async function exhaust(limiter: KeyRateLimiter, key: string, perMinute: number) {
  for (let i = 0; i < perMinute; i += 1) await limiter.consume(key, perMinute);
  return expectApiError(limiter.consume(key, perMinute), 429, "rate_limited");
}

describe("per-key rate limits in memory", () => {
  it("allows the key's limit per minute, then 429 with Retry-After; other keys are unaffected", async () => {
    const limiter = createKeyRateLimiter();
    const error = await exhaust(limiter, "key-a", 3);
    const retryAfter = Number(error.headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await limiter.consume("key-b", 3);
    await expectApiError(limiter.consume("key-a", 3), 429, "rate_limited");
  });
});

describe.runIf(await redisReachable())("per-key rate limits on Redis", () => {
  it("counts across processes sharing Redis", async () => {
    const prefix = `trellis-test:${randomUUID()}`;
    const first = createKeyRateLimiter({ redisUrl, keyPrefix: prefix });
    const second = createKeyRateLimiter({ redisUrl, keyPrefix: prefix });
    opened.push(first, second);
    await first.consume("key", 4);
    await second.consume("key", 4);
    await first.consume("key", 4);
    await second.consume("key", 4);
    await expectApiError(first.consume("key", 4), 429, "rate_limited");
    await expectApiError(second.consume("key", 4), 429, "rate_limited");
    await second.consume("another-key", 4);
  });
});
