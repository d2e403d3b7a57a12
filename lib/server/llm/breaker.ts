import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  isBrokenCircuitError,
  isIsolatedCircuitError,
  type CircuitBreakerPolicy,
} from "cockatiel";
import { NodeError } from "@/lib/engine/errors";
import { raceAbort } from "./abort";

/** When a breaker opens (consecutive failures) and how long it stays open before a trial call. */
export interface BreakerSettings {
  threshold: number;
  halfOpenAfterMs: number;
}

/** Production defaults: open after 5 consecutive failures, try again after 30 s. */
export const DEFAULT_BREAKER_SETTINGS: BreakerSettings = { threshold: 5, halfOpenAfterMs: 30_000 };

interface Registry {
  settings: BreakerSettings;
  breakers: Map<string, CircuitBreakerPolicy>;
}

const REGISTRY = Symbol.for("trellis.llm.breakers");
type GlobalWithBreakers = typeof globalThis & { [REGISTRY]?: Registry };

function registry(): Registry {
  const g = globalThis as GlobalWithBreakers;
  g[REGISTRY] ??= { settings: { ...DEFAULT_BREAKER_SETTINGS }, breakers: new Map() };
  return g[REGISTRY];
}

/** Errors that say the provider is unwell: retryable ones, except cancellations and our own bulkhead's rejections. */
export function countsAsFailure(error: Error): boolean {
  if (!(error instanceof NodeError)) return true;
  const local = (error.options.details as { source?: string } | undefined)?.source === "bulkhead";
  return error.retryable && error.code !== "aborted" && !local;
}

/** Replaces the settings and forgets every breaker (startup configuration and tests). */
export function configureBreakers(settings: Partial<BreakerSettings> = {}): void {
  const r = registry();
  r.settings = { ...DEFAULT_BREAKER_SETTINGS, ...settings };
  r.breakers.clear();
}

/** The breaker key: provider (with its endpoint) + model, shared by every run in the process. */
export function breakerKey(provider: string, baseUrl: string | null, model: string): string {
  return `${provider}|${baseUrl ?? "default"}|${model}`;
}

function breakerFor(key: string): CircuitBreakerPolicy {
  const r = registry();
  let breaker = r.breakers.get(key);
  if (!breaker) {
    breaker = circuitBreaker(handleWhen(countsAsFailure), {
      halfOpenAfter: r.settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(r.settings.threshold),
    });
    r.breakers.set(key, breaker);
  }
  return breaker;
}

/** The state of a breaker ("closed" for one never used). */
export function breakerState(key: string): "closed" | "open" | "half-open" | "isolated" {
  const state = registry().breakers.get(key)?.state ?? CircuitState.Closed;
  return (["closed", "open", "half-open", "isolated"] as const)[state];
}

/**
 * Runs `fn` through the breaker of `key`. While the breaker is open the call fails fast with a
 * retryable NodeError "circuit_open", so a node's fallback chain moves on to the next model.
 */
export async function withBreaker<T>(
  key: string,
  fn: () => Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  try {
    return await raceAbort(breakerFor(key).execute(fn, signal), signal);
  } catch (error) {
    if (isBrokenCircuitError(error) || isIsolatedCircuitError(error)) {
      throw new NodeError(
        `The circuit for ${key} is open after repeated failures`,
        "circuit_open",
        {
          retryable: true,
          details: { breaker: key, halfOpenAfterMs: registry().settings.halfOpenAfterMs },
        },
      );
    }
    throw error;
  }
}
