import type { LlmRequest, LlmResponse, NodeContext } from "@/lib/engine/context";
import type { NodeTrace } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import type { ModelRef } from "@/lib/engine/graph";

/** A model call that answered, and which model of the chain answered it. */
export interface ModelAnswer {
  response: LlmResponse;
  /** "primary", or "fallback-1", "fallback-2", ... */
  tier: string;
}

/** Options of one logical model call. */
export interface CallModelOptions {
  /** Streams tokens (to `ctx.emitToken` for the node's visible answer). */
  onToken?: (token: string) => void;
  /** Distinguishes several calls of one attempt in their idempotency keys (e.g. "judge"). */
  key?: string;
}

/** False for errors retrying cannot fix (a NodeError marked non-retryable) and for cancellation. */
function canFallBack(error: unknown, ctx: NodeContext): boolean {
  if (ctx.signal.aborted) return false;
  return !(error instanceof NodeError && !error.retryable);
}

/**
 * Calls `models[0]`; on a retryable error tries each further model in order. Throws the
 * last error when every model failed, or the first non-retryable one.
 */
export async function callModel(
  ctx: NodeContext,
  models: readonly ModelRef[],
  request: Omit<LlmRequest, "model">,
  options: CallModelOptions = {},
): Promise<ModelAnswer> {
  const base = options.key ? `${ctx.idempotencyKey}:${options.key}` : ctx.idempotencyKey;
  let lastError: unknown = new NodeError("No model configured", "missing_model", {
    retryable: false,
  });
  for (const [index, model] of models.entries()) {
    const tier = index === 0 ? "primary" : `fallback-${index}`;
    try {
      const idempotencyKey = index === 0 ? base : `${base}:${tier}`;
      const response = await ctx.llm.complete(
        { ...request, model },
        { signal: ctx.signal, idempotencyKey, onToken: options.onToken },
      );
      return { response, tier };
    } catch (error) {
      if (!canFallBack(error, ctx)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** The trace fields a model response provides. */
export function responseTrace(response: LlmResponse, tier: string): NodeTrace {
  const trace: NodeTrace = {
    provider: response.provider,
    model: response.model,
    tier,
    usage: { ...response.usage },
    costUsd: response.costUsd,
    cacheHit: response.cacheHit ?? false,
  };
  if (response.costSavedUsd !== undefined) trace.costSavedUsd = response.costSavedUsd;
  return trace;
}

/** Usage and cost summed over several calls; a cache hit only when every call hit. */
export function sumResponses(
  responses: readonly LlmResponse[],
): Required<Pick<NodeTrace, "usage" | "costUsd" | "costSavedUsd" | "cacheHit">> {
  return {
    usage: {
      inputTokens: responses.reduce((n, r) => n + r.usage.inputTokens, 0),
      outputTokens: responses.reduce((n, r) => n + r.usage.outputTokens, 0),
      cachedTokens: responses.reduce((n, r) => n + r.usage.cachedTokens, 0),
    },
    costUsd: responses.reduce((n, r) => n + r.costUsd, 0),
    costSavedUsd: responses.reduce((n, r) => n + (r.costSavedUsd ?? 0), 0),
    cacheHit: responses.length > 0 && responses.every((r) => r.cacheHit === true),
  };
}

/** Adds what a failed call still cost (the port reports it as `details.usage` / `details.costUsd`). */
function withFailedCallSpend(trace: NodeTrace, details: unknown): NodeTrace {
  const spent = (details ?? {}) as { usage?: NodeTrace["usage"]; costUsd?: unknown };
  if (!spent.usage || typeof spent.costUsd !== "number") return trace;
  const usage = trace.usage ?? { inputTokens: 0, outputTokens: 0, cachedTokens: 0 };
  return {
    ...trace,
    usage: {
      inputTokens: usage.inputTokens + spent.usage.inputTokens,
      outputTokens: usage.outputTokens + spent.usage.outputTokens,
      cachedTokens: usage.cachedTokens + spent.usage.cachedTokens,
    },
    costUsd: (trace.costUsd ?? 0) + spent.costUsd,
  };
}

/** Re-throws `error` as a NodeError carrying `trace`, so the engine records what was already spent. */
export function withTrace(error: unknown, trace: NodeTrace): NodeError {
  if (error instanceof NodeError) {
    const details = error.options.details;
    trace = withFailedCallSpend(trace, details);
    const merged =
      details !== null && typeof details === "object" ? { ...details, trace } : { trace };
    const copy = new NodeError(error.message, error.code, { ...error.options, details: merged });
    copy.stack = error.stack;
    return copy;
  }
  const message = error instanceof Error ? error.message : String(error);
  const code =
    error instanceof Error && error.name === "TimeoutError" ? "timeout" : "provider_error";
  return new NodeError(message, code, { retryable: true, details: { trace } });
}
