import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { overrideCost, priceCall, roundUsd } from "./pricing";

const usage = { inputTokens: 12_000, outputTokens: 3_000, cachedTokens: 0 };

/** Rates (USD per million tokens) the catalog holds for an OpenAI model. */
function rates(model: string) {
  const result = calcPrice({ input_tokens: 1, output_tokens: 1 }, model, { providerId: "openai" });
  if (!result) throw new Error(`genai-prices does not know ${model}`);
  const p = result.model_price as Record<string, number>;
  return { input: p.input_mtok!, output: p.output_mtok!, cached: p.cache_read_mtok! };
}

describe("pricing", () => {
  it("prices a known OpenAI model as genai-prices does", () => {
    const r = rates("gpt-4o-mini");
    const price = priceCall({ provider: "openai", baseUrl: null, model: "gpt-4o-mini", usage });
    expect(price).toMatchObject({ priced: true, source: "catalog" });
    expect(price.costUsd).toBe(roundUsd((12_000 * r.input + 3_000 * r.output) / 1e6));
    expect(price.costUsd).toBeGreaterThan(0);
  });

  it("prices cached input at the cached rate, without counting it again as input", () => {
    const r = rates("gpt-4o");
    const cachedUsage = { ...usage, cachedTokens: 10_000 };
    const price = priceCall({
      provider: "openai",
      baseUrl: null,
      model: "gpt-4o",
      usage: cachedUsage,
    });
    expect(r.cached).toBeLessThan(r.input);
    expect(price.costUsd).toBe(
      roundUsd((2_000 * r.input + 10_000 * r.cached + 3_000 * r.output) / 1e6),
    );
    expect(price.costUsd).toBeLessThan(
      priceCall({ provider: "openai", baseUrl: null, model: "gpt-4o", usage }).costUsd,
    );
  });

  it("lets a workspace override win over the catalog", () => {
    const override = {
      provider: "openai",
      model: "gpt-4o",
      inputPerMTok: 1,
      outputPerMTok: 2,
      cachedInputPerMTok: 0.25,
    };
    const price = priceCall({
      provider: "openai",
      baseUrl: null,
      model: "gpt-4o",
      usage: { ...usage, cachedTokens: 4_000 },
      override,
    });
    expect(price).toEqual({
      costUsd: (8_000 * 1 + 4_000 * 0.25 + 3_000 * 2) / 1e6,
      priced: true,
      source: "override",
    });
  });

  it("charges cached tokens at the input rate when an override has no cached rate", () => {
    const price = { inputPerMTok: 3, outputPerMTok: 5, cachedInputPerMTok: null };
    expect(overrideCost({ inputTokens: 1_000, outputTokens: 0, cachedTokens: 600 }, price)).toBe(
      0.003,
    );
  });

  it("rounds to 8 decimals", () => {
    const price = { inputPerMTok: 0.123456789, outputPerMTok: 0, cachedInputPerMTok: null };
    expect(overrideCost({ inputTokens: 7, outputTokens: 0, cachedTokens: 0 }, price)).toBe(
      0.00000086,
    );
  });

  it("prices simulated models like their real counterparts, the large one dearer", () => {
    const small = priceCall({ provider: "simulated", baseUrl: null, model: "sim-small", usage });
    const large = priceCall({ provider: "simulated", baseUrl: null, model: "sim-large", usage });
    const mini = rates("gpt-4o-mini");
    expect(small).toEqual({
      costUsd: roundUsd((12_000 * mini.input + 3_000 * mini.output) / 1e6),
      priced: true,
      source: "simulated",
    });
    expect(large.costUsd).toBeGreaterThan(small.costUsd);
  });

  it("uses the catalog of the provider a base URL belongs to", () => {
    const model = "anthropic/claude-3.5-sonnet";
    const expected = calcPrice(
      { input_tokens: 12_000, cache_read_tokens: 0, output_tokens: 3_000 },
      model,
      {
        providerApiUrl: "https://openrouter.ai/api/v1",
      },
    );
    const price = priceCall({
      provider: "openai",
      baseUrl: "https://openrouter.ai/api/v1",
      model,
      usage,
    });
    expect(expected).not.toBeNull();
    expect(price.costUsd).toBe(roundUsd(expected!.total_price));
  });

  it("costs unknown models nothing and flags them", () => {
    const price = priceCall({
      provider: "openai",
      baseUrl: "http://127.0.0.1:11434/v1",
      model: "my-local-llama",
      usage,
    });
    expect(price).toEqual({ costUsd: 0, priced: false, source: "unpriced" });
  });
});
