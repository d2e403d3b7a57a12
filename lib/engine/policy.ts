import type { CompiledNode } from "./compile";
import type { ErrorInfo } from "./errors";
import type { NodePolicy } from "./graph";

/** A node policy with every value present and inside the engine's bounds. */
export interface EffectivePolicy {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  onError: "fail" | "continue" | "route";
  defaultOutput: unknown;
}

/** Bounds the engine enforces whatever a flow says. */
export const POLICY_BOUNDS = {
  timeoutMs: { min: 10, max: 600_000, default: 120_000 },
  retries: { min: 0, max: 5, default: 0 },
  backoffMs: { min: 0, max: 30_000, default: 500 },
  maxDelayMs: 60_000,
} as const;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Applies defaults and clamps a node's policy. */
export function effectivePolicy(policy: NodePolicy | undefined): EffectivePolicy {
  const b = POLICY_BOUNDS;
  return {
    timeoutMs: clamp(policy?.timeoutMs ?? b.timeoutMs.default, b.timeoutMs.min, b.timeoutMs.max),
    retries: clamp(policy?.retries ?? b.retries.default, b.retries.min, b.retries.max),
    backoffMs: clamp(policy?.backoffMs ?? b.backoffMs.default, b.backoffMs.min, b.backoffMs.max),
    onError: policy?.onError ?? "fail",
    defaultOutput: policy?.defaultOutput ?? null,
  };
}

/**
 * Delay before retry number `retry` (1-based): exponential backoff with full jitter, or the
 * server's Retry-After when it asked for longer; capped.
 */
export function retryDelayMs(
  policy: EffectivePolicy,
  retry: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponential = policy.backoffMs * 2 ** (retry - 1);
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.min(POLICY_BOUNDS.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}

/** What a failed node emits under its on-error policy: the error port, defaults, or nothing. */
export function onErrorOutputs(
  node: CompiledNode,
  policy: EffectivePolicy,
  error: ErrorInfo,
): Record<string, unknown> | undefined {
  if (policy.onError === "route") return { error };
  if (policy.onError === "continue") {
    return Object.fromEntries(
      node.ports.outputs
        .filter((p) => p.name !== "error")
        .map((p) => [p.name, policy.defaultOutput]),
    );
  }
  return undefined;
}
