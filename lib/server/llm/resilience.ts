import { breakerKey, withBreaker } from "./breaker";
import { limiterFor, limiterSettings } from "./bulkhead";

/** What the resilience layer needs to know about a connection. */
export interface GuardedConnection {
  id: string;
  provider: string;
  baseUrl: string | null;
  maxConcurrent: number;
  requestsPerMinute: number;
}

/**
 * Runs one provider call behind the circuit breaker of provider+model (shared by every run in the
 * process) and the connection's bulkhead (concurrency, requests per minute, bounded queue).
 *
 * Nothing here retries, and neither does the SDK (`maxRetries: 0`): retries belong to the engine's
 * node policy, which gives each logical call one budget and honours `retryAfterMs`. Retrying here
 * as well would multiply attempts (policy retries x port retries x SDK retries).
 */
export function guardedCall<T>(
  connection: GuardedConnection,
  model: string,
  fn: () => Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  const limiter = limiterFor(connection.id, limiterSettings(connection));
  const key = breakerKey(connection.provider, connection.baseUrl, model);
  return withBreaker(key, () => limiter.run(fn, signal), signal);
}
