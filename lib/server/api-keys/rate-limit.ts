import Redis from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { errors } from "../errors";
import { logger } from "../logger";

/** Per-key limits count calls in windows of one minute. */
const WINDOW_SECONDS = 60;

/** Counts calls per API key id (never per client address) against each key's own limit. */
export interface KeyRateLimiter {
  /** Counts one call; throws 429 with Retry-After once the key is over its limit this window. */
  consume(apiKeyId: string, perMinute: number): Promise<void>;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

/**
 * A limiter shared by every process through Redis when `redisUrl` is given (falling back to this
 * process's memory while Redis is unreachable), otherwise in this process's memory.
 */
export function createKeyRateLimiter(
  options: { redisUrl?: string; keyPrefix?: string } = {},
): KeyRateLimiter {
  const limiters = new Map<number, RateLimiterAbstract>();
  const redis = options.redisUrl
    ? // Calls made while connecting wait for the connection; a slow or lost Redis fails within
      // the command timeout, and the in-memory insurance limiter counts meanwhile.
      new Redis(options.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 500 })
    : null;
  redis?.on("error", (err) =>
    logger.warn({ err }, "rate limit store unreachable; limiting in memory"),
  );
  const limiterFor = (points: number): RateLimiterAbstract => {
    let limiter = limiters.get(points);
    if (!limiter) {
      const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS });
      limiter = redis
        ? new RateLimiterRedis({
            storeClient: redis,
            points,
            duration: WINDOW_SECONDS,
            keyPrefix: `${options.keyPrefix ?? "trellis:rl"}:${points}`,
            insuranceLimiter: memory,
          })
        : memory;
      limiters.set(points, limiter);
    }
    return limiter;
  };
  return {
    async consume(apiKeyId, perMinute) {
      try {
        await limiterFor(perMinute).consume(apiKeyId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw errors.rateLimited(
          seconds,
          `This API key is over its limit of ${perMinute} calls per minute.`,
        );
      }
    },
    async close() {
      await redis?.quit().catch(() => undefined);
    },
  };
}

const globalKey = Symbol.for("trellis.keyRateLimiter");
type GlobalWithLimiter = typeof globalThis & { [globalKey]?: KeyRateLimiter };

/** The process's limiter: Redis when REDIS_URL is set, otherwise in memory. */
export function keyRateLimiter(): KeyRateLimiter {
  const g = globalThis as GlobalWithLimiter;
  g[globalKey] ??= createKeyRateLimiter({ redisUrl: process.env.REDIS_URL || undefined });
  return g[globalKey];
}
