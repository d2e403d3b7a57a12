import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LlmRequest } from "@/lib/engine/context";
import { NodeError } from "@/lib/engine/errors";
import { createConnection } from "@/lib/db/connections";
import { upsertModelPrice } from "@/lib/db/model-prices";
import { encryptSecret } from "@/lib/server/crypto";
import { setupTestDatabase } from "@/test/database";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai/server";
import { createAdminContext } from "@/test/fixtures";
import { configureBreakers } from "./breaker";
import { createLlmPort } from "./llm-port";
import type { AdapterParameters } from "./providers";
import { priceCall } from "./pricing";

setupTestDatabase();

let fake: FakeOpenAI;
let workspaceId: string;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  workspaceId = (await createAdminContext("Port workspace")).workspace.id;
  const common = { encryptedApiKey: encryptSecret("sk-port-secret"), requestsPerMinute: 10_000 };
  await createConnection(workspaceId, {
    ...common,
    name: "fake",
    provider: "openai",
    baseUrl: fake.baseUrl,
    models: ["gpt-4o-mini", "house-model"],
    maxConcurrent: 2,
  });
  await createConnection(workspaceId, {
    ...common,
    name: "open",
    provider: "openai",
    baseUrl: fake.baseUrl,
    models: [],
    maxConcurrent: 4,
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.maxInFlight = 0;
});

const call = () => ({ signal: new AbortController().signal, idempotencyKey: "run:node:1" });
const ask = (connection: string, model: string, content = "Hello there"): LlmRequest => ({
  model: { connection, model },
  messages: [{ role: "user", content }],
});

async function failure(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NodeError);
  return error as NodeError;
}

describe("LLM port", () => {
  it("answers from the built-in simulated connection with a price", async () => {
    const port = createLlmPort({ workspaceId, simulated: { latencyMs: 0 } });
    const response = await port.complete(
      ask("simulated", "sim-small", "My order arrived broken"),
      call(),
    );
    expect(response).toMatchObject({
      provider: "simulated",
      model: "sim-small",
      cacheHit: false,
      priced: true,
    });
    expect(response.text).toMatch(/order|broken/i);
    const expected = priceCall({
      provider: "simulated",
      baseUrl: null,
      model: "sim-small",
      usage: response.usage,
    });
    expect(response.costUsd).toBe(expected.costUsd);
    expect(response.costUsd).toBeGreaterThan(0);
  });

  it("calls an OpenAI-compatible connection with its decrypted key and prices the usage", async () => {
    fake.enqueue({
      kind: "ok",
      content: "Hi!",
      usage: { prompt_tokens: 1_000, completion_tokens: 200, cached_tokens: 400 },
    });
    const response = await createLlmPort({ workspaceId }).complete(
      ask("fake", "gpt-4o-mini"),
      call(),
    );
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer sk-port-secret");
    expect(response).toMatchObject({
      text: "Hi!",
      provider: "openai",
      model: "gpt-4o-mini",
      priced: true,
    });
    expect(response.usage).toEqual({ inputTokens: 1_000, outputTokens: 200, cachedTokens: 400 });
    expect(response.costUsd).toBe(
      priceCall({ provider: "openai", baseUrl: null, model: "gpt-4o-mini", usage: response.usage })
        .costUsd,
    );
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("streams tokens through the port", async () => {
    fake.enqueue({ kind: "ok", content: "one two three" });
    const tokens: string[] = [];
    const response = await createLlmPort({ workspaceId }).complete(ask("fake", "gpt-4o-mini"), {
      ...call(),
      onToken: (t) => tokens.push(t),
    });
    expect(tokens.join("")).toBe("one two three");
    expect(response.text).toBe("one two three");
  });

  it("refuses unknown connections and unlisted models without retrying", async () => {
    const port = createLlmPort({ workspaceId });
    for (const request of [ask("nope", "gpt-4o-mini"), ask("fake", "gpt-5-unlisted")]) {
      const error = await failure(port.complete(request, call()));
      expect([error.code, error.retryable]).toEqual(["unknown_model", false]);
    }
    expect(fake.requests).toHaveLength(0);
    await expect(port.complete(ask("open", "anything-goes"), call())).resolves.toMatchObject({
      text: "Echo: Hello there",
    });
  });

  it("keeps calls within the connection's concurrency", async () => {
    fake.enqueue(...Array.from({ length: 6 }, () => ({ kind: "slow" as const, delayMs: 50 })));
    const port = createLlmPort({ workspaceId });
    await Promise.all(
      Array.from({ length: 6 }, () => port.complete(ask("fake", "gpt-4o-mini"), call())),
    );
    expect(fake.requests).toHaveLength(6);
    expect(fake.maxInFlight).toBe(2);
  });

  it("applies a workspace price override and flags models without any price", async () => {
    fake.enqueue(
      { kind: "ok", usage: { prompt_tokens: 2_000, completion_tokens: 500 } },
      { kind: "ok", usage: { prompt_tokens: 2_000, completion_tokens: 500 } },
    );
    const unpriced = await createLlmPort({ workspaceId }).complete(
      ask("fake", "house-model"),
      call(),
    );
    expect([unpriced.costUsd, unpriced.priced]).toEqual([0, false]);
    await upsertModelPrice(workspaceId, {
      provider: "fake",
      model: "house-model",
      inputPerMTok: 2,
      outputPerMTok: 8,
      cachedInputPerMTok: null,
    });
    const priced = await createLlmPort({ workspaceId }).complete(
      ask("fake", "house-model"),
      call(),
    );
    expect([priced.costUsd, priced.priced]).toEqual([(2_000 * 2 + 500 * 8) / 1e6, true]);
  });

  it("prices a failed attempt when the provider reported usage", async () => {
    fake.enqueue({
      kind: "ok",
      refusal: "I cannot help with that",
      usage: { prompt_tokens: 3_000, completion_tokens: 10 },
    });
    const error = await failure(
      createLlmPort({ workspaceId }).complete(ask("fake", "gpt-4o-mini"), call()),
    );
    expect([error.code, error.retryable]).toEqual(["provider_refusal", false]);
    const details = error.options.details as { costUsd: number; usage: unknown };
    const usage = { inputTokens: 3_000, outputTokens: 10, cachedTokens: 0 };
    expect(details.usage).toEqual(usage);
    expect(details.costUsd).toBe(
      priceCall({ provider: "openai", baseUrl: null, model: "gpt-4o-mini", usage }).costUsd,
    );
    expect(details.costUsd).toBeGreaterThan(0);
  });

  it("gives flaky simulated calls a breaker of their own", async () => {
    configureBreakers({ threshold: 2, halfOpenAfterMs: 60_000 });
    try {
      const port = createLlmPort({ workspaceId, simulated: { latencyMs: 0 } });
      const flaky = {
        ...ask("simulated", "sim-small"),
        parameters: { simulated: { failureRate: 1 } } as AdapterParameters,
      };
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) codes.push((await failure(port.complete(flaky, call()))).code);
      expect(codes).toEqual(["provider_error", "provider_error", "circuit_open"]);
      await expect(port.complete(ask("simulated", "sim-small"), call())).resolves.toMatchObject({
        provider: "simulated",
      });
    } finally {
      configureBreakers();
    }
  });
});
