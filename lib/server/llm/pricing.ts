import { calcPrice, type PriceCalculationResult, type Usage } from "@pydantic/genai-prices";
import type { TokenUsage } from "@/lib/engine/context";
import { findModelPrice, type ModelPriceRecord } from "@/lib/db/model-prices";

/** What a call cost and where the price came from; `priced: false` means no price is known (cost 0). */
export interface CallPrice {
  costUsd: number;
  priced: boolean;
  source: "override" | "catalog" | "simulated" | "unpriced";
}

/**
 * Simulated models cost what a comparable real model costs, so demos show realistic spend:
 * sim-large like gpt-4o, every other simulated model like gpt-4o-mini (OpenAI list prices).
 */
export const SIMULATED_PRICED_AS: Record<string, string> = { "sim-large": "gpt-4o" };
const SIMULATED_DEFAULT = "gpt-4o-mini";

/** USD rounded to 8 decimals (the precision of stored costs). */
export function roundUsd(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

/** Cost under a workspace override: cached input at the cached rate (or the input rate), never counted twice. */
export function overrideCost(
  usage: TokenUsage,
  price: Omit<ModelPriceRecord, "provider" | "model">,
): number {
  const cached = Math.min(usage.cachedTokens, usage.inputTokens);
  const cachedRate = price.cachedInputPerMTok ?? price.inputPerMTok;
  const total =
    (usage.inputTokens - cached) * price.inputPerMTok +
    cached * cachedRate +
    usage.outputTokens * price.outputPerMTok;
  return roundUsd(total / 1_000_000);
}

function catalogUsage(usage: TokenUsage): Usage {
  // genai-prices counts cache reads as a part of input_tokens, like OpenAI's prompt_tokens.
  return {
    input_tokens: usage.inputTokens,
    cache_read_tokens: Math.min(usage.cachedTokens, usage.inputTokens),
    output_tokens: usage.outputTokens,
  };
}

/**
 * The catalog price of an OpenAI-compatible call: OpenAI's table without a base URL; otherwise the
 * provider the base URL belongs to (OpenRouter, Groq, ...), else whichever provider the model id matches.
 */
export function catalogPrice(
  usage: TokenUsage,
  model: string,
  baseUrl: string | null,
): PriceCalculationResult {
  const u = catalogUsage(usage);
  try {
    if (!baseUrl) return calcPrice(u, model, { providerId: "openai" });
    return calcPrice(u, model, { providerApiUrl: baseUrl }) ?? calcPrice(u, model);
  } catch {
    return null;
  }
}

/** Prices one call: a workspace override wins, then simulated pricing or the catalog; unknown models cost 0. */
export function priceCall(args: {
  provider: string;
  baseUrl: string | null;
  model: string;
  usage: TokenUsage;
  override?: ModelPriceRecord | null;
}): CallPrice {
  if (args.override)
    return { costUsd: overrideCost(args.usage, args.override), priced: true, source: "override" };
  if (args.provider === "simulated") {
    const like = SIMULATED_PRICED_AS[args.model] ?? SIMULATED_DEFAULT;
    const result = catalogPrice(args.usage, like, null);
    return {
      costUsd: roundUsd(result?.total_price ?? 0),
      priced: result !== null,
      source: "simulated",
    };
  }
  const result = catalogPrice(args.usage, args.model, args.baseUrl);
  if (!result) return { costUsd: 0, priced: false, source: "unpriced" };
  return { costUsd: roundUsd(result.total_price), priced: true, source: "catalog" };
}

/** A connection as the pricer needs it. */
export interface PricedConnection {
  name: string;
  provider: string;
  baseUrl: string | null;
}

/**
 * Prices calls of one workspace. Overrides (ModelPrice rows) are looked up by the connection's
 * name first, then by its provider type ("openai"); each lookup is remembered for the pricer's life.
 */
export function createPricer(workspaceId: string) {
  const overrides = new Map<string, Promise<ModelPriceRecord | null>>();
  const keyOf = (connection: PricedConnection, model: string) =>
    `${connection.name}\u0000${connection.provider}\u0000${model}`;
  const overrideFor = (connection: PricedConnection, model: string) => {
    const key = keyOf(connection, model);
    let found = overrides.get(key);
    if (!found) {
      found = findModelPrice(workspaceId, [connection.name, connection.provider], model);
      found.catch(() => overrides.delete(key));
      overrides.set(key, found);
    }
    return found;
  };
  return {
    /** Remembers an override read along with the connection, so pricing `model` asks nothing. */
    remember(connection: PricedConnection, model: string, override: ModelPriceRecord | null) {
      const key = keyOf(connection, model);
      if (!overrides.has(key)) overrides.set(key, Promise.resolve(override));
    },
    async price(
      connection: PricedConnection,
      model: string,
      usage: TokenUsage,
    ): Promise<CallPrice> {
      const override = await overrideFor(connection, model);
      return priceCall({
        provider: connection.provider,
        baseUrl: connection.baseUrl,
        model,
        usage,
        override,
      });
    },
  };
}
