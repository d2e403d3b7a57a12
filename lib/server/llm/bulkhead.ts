import { bulkhead, isBulkheadRejectedError, type BulkheadPolicy } from "cockatiel";
import { NodeError } from "@/lib/engine/errors";
import { abortedError, raceAbort } from "./abort";

/** Limits of one model connection. */
export interface LimiterSettings {
  maxConcurrent: number;
  requestsPerMinute: number;
  /** Calls that may wait (for a slot, or for the rate) before new ones are refused. */
  queueLimit: number;
  /** Calls the rate allows back to back before spacing them (default: one second's worth). */
  burst: number;
}

/** Default queue bound: ten waiting calls per concurrent slot, at least 50. */
export const defaultQueueLimit = (maxConcurrent: number) => Math.max(50, maxConcurrent * 10);

// When a full bulkhead refuses a call we cannot know when a slot frees; suggest a short pause.
const SLOT_RETRY_AFTER_MS = 1_000;

function rejection(message: string, retryAfterMs: number): NodeError {
  return new NodeError(message, "rate_limited", {
    retryable: true,
    retryAfterMs,
    details: { source: "bulkhead" },
  });
}

/** A token bucket of `requestsPerMinute`; callers reserve a token and wait until it is theirs. */
class TokenBucket {
  private tokens: number;
  private last: number;
  private waiting = 0;
  private readonly perMs: number;

  constructor(
    requestsPerMinute: number,
    private readonly burst: number,
    private readonly queueLimit: number,
    private readonly now: () => number,
  ) {
    this.perMs = requestsPerMinute / 60_000;
    this.tokens = burst;
    this.last = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
  }

  async take(signal: AbortSignal): Promise<void> {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return;
    }
    if (this.waiting >= this.queueLimit) {
      const retryAfterMs = Math.ceil((1 - this.tokens) / this.perMs);
      throw rejection("Too many calls are waiting for this connection's rate limit", retryAfterMs);
    }
    const waitMs = Math.ceil((1 - this.tokens) / this.perMs);
    this.tokens -= 1;
    this.waiting++;
    try {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => (clearTimeout(timer), reject(abortedError(signal)));
        const timer = setTimeout(
          () => (signal.removeEventListener("abort", onAbort), resolve()),
          waitMs,
        );
        signal.addEventListener("abort", onAbort, { once: true });
      });
    } catch (error) {
      this.tokens += 1;
      throw error;
    } finally {
      this.waiting--;
    }
  }
}

/** A connection's bulkhead: at most `maxConcurrent` calls at once and `requestsPerMinute`, with bounded waiting. */
export class ConnectionLimiter {
  private readonly slots: BulkheadPolicy;
  private readonly bucket: TokenBucket;

  constructor(
    readonly settings: LimiterSettings,
    now: () => number = Date.now,
  ) {
    this.slots = bulkhead(settings.maxConcurrent, settings.queueLimit);
    this.bucket = new TokenBucket(
      settings.requestsPerMinute,
      settings.burst,
      settings.queueLimit,
      now,
    );
  }

  /** Runs `fn` once the rate and a slot allow; over the queue bound, fails with a retryable "rate_limited". */
  async run<T>(fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) throw abortedError(signal);
    await this.bucket.take(signal);
    try {
      return await raceAbort(this.slots.execute(fn, signal), signal);
    } catch (error) {
      if (isBulkheadRejectedError(error)) {
        throw rejection("Too many calls are waiting for this connection", SLOT_RETRY_AFTER_MS);
      }
      throw error;
    }
  }
}

/** Limiter settings for a connection's stored limits. */
export function limiterSettings(connection: {
  maxConcurrent: number;
  requestsPerMinute: number;
}): LimiterSettings {
  return {
    maxConcurrent: Math.max(1, connection.maxConcurrent),
    requestsPerMinute: Math.max(1, connection.requestsPerMinute),
    queueLimit: defaultQueueLimit(connection.maxConcurrent),
    burst: Math.max(1, Math.ceil(connection.requestsPerMinute / 60)),
  };
}

const REGISTRY = Symbol.for("trellis.llm.limiters");
type GlobalWithLimiters = typeof globalThis & { [REGISTRY]?: Map<string, ConnectionLimiter> };

/** The process-wide limiter of a connection, rebuilt when its limits change. */
export function limiterFor(connectionId: string, settings: LimiterSettings): ConnectionLimiter {
  const g = globalThis as GlobalWithLimiters;
  const limiters = (g[REGISTRY] ??= new Map());
  const current = limiters.get(connectionId);
  if (current && JSON.stringify(current.settings) === JSON.stringify(settings)) return current;
  const limiter = new ConnectionLimiter(settings);
  limiters.set(connectionId, limiter);
  return limiter;
}
