import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { NodeError } from "@/lib/engine/errors";
import type { ChatMessage } from "@/lib/engine/context";
import { createSimulatedAdapter } from "./simulated";
import type { AdapterOptions, AdapterRequest } from "./types";

const fast = createSimulatedAdapter({ latencyMs: 0, tokenDelayMs: 0 });
const options = (extra: Partial<AdapterOptions> = {}): AdapterOptions => ({
  signal: new AbortController().signal,
  timeoutMs: 5_000,
  ...extra,
});
const user = (content: string, system = "You are a helpful assistant."): ChatMessage[] => [
  { role: "system", content: system },
  { role: "user", content },
];
const ask = (request: Partial<AdapterRequest> & { messages: ChatMessage[] }) =>
  fast.complete({ model: "sim-small", ...request }, options());

async function failure(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NodeError);
  return error as NodeError;
}

describe("simulated model", () => {
  it("answers the same request the same way and a different one differently", async () => {
    const a = await ask({ messages: user("Where is my parcel? It was due on Monday.") });
    const b = await ask({ messages: user("Where is my parcel? It was due on Monday.") });
    const c = await ask({ messages: user("Can I change the colour of my sofa order?") });
    expect(b).toEqual(a);
    expect(c.text).not.toBe(a.text);
    expect(a.text).toMatch(/parcel|monday/i);
    expect(c.text).toMatch(/sofa|colour|order/i);
  });

  it("counts tokens with the o200k encoding", async () => {
    const messages = user("Count these tokens, please.");
    const result = await ask({ messages });
    const prompt = messages.reduce((sum, m) => sum + countTokens(m.content) + 3, 3);
    expect(result.usage).toEqual({
      inputTokens: prompt,
      outputTokens: countTokens(result.text),
      cachedTokens: 0,
    });
  });

  it("keeps free text within maxTokens and near the outputTokens knob", async () => {
    const short = await ask({
      messages: user("Tell me about invoices and refunds"),
      parameters: { maxTokens: 12 },
    });
    expect(short.usage.outputTokens).toBeLessThanOrEqual(12);
    const long = await ask({
      messages: user("Tell me about invoices"),
      parameters: { simulated: { outputTokens: 150 } },
    });
    expect(long.usage.outputTokens).toBeGreaterThan(100);
    expect(long.usage.outputTokens).toBeLessThanOrEqual(150);
  });

  it("streams the answer word by word", async () => {
    const tokens: string[] = [];
    const result = await fast.complete(
      { model: "sim-large", messages: user("Explain the delivery delay") },
      options({ onToken: (t) => tokens.push(t) }),
    );
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.join("")).toBe(result.text);
  });

  it("waits its latency and stops at once when aborted", async () => {
    const slow = createSimulatedAdapter({ latencyMs: 150 });
    let started = Date.now();
    await slow.complete({ model: "sim-small", messages: user("hi") }, options());
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 20);
    started = Date.now();
    const error = await failure(
      slow.complete(
        { model: "sim-small", messages: user("hi") },
        options({ signal: cancel.signal }),
      ),
    );
    expect(error.code).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(120);
    const timedOut = await failure(
      slow.complete({ model: "sim-small", messages: user("hi") }, options({ timeoutMs: 30 })),
    );
    expect([timedOut.code, timedOut.retryable]).toEqual(["timeout", true]);
  });

  it("fails at the configured rate with the configured kind of error", async () => {
    const draws = [0.1, 0.9];
    const flaky = createSimulatedAdapter({
      latencyMs: 0,
      failureRate: 0.5,
      random: () => draws.shift()!,
    });
    const first = await failure(
      flaky.complete({ model: "sim-small", messages: user("hi") }, options()),
    );
    expect([first.code, first.retryable]).toEqual(["provider_error", true]);
    await expect(
      flaky.complete({ model: "sim-small", messages: user("hi") }, options()),
    ).resolves.toMatchObject({ provider: "simulated" });
    const limited = await failure(
      ask({
        messages: user("hi"),
        parameters: { simulated: { failureRate: 1, failureKind: "rate_limit" } },
      }),
    );
    expect([limited.code, limited.options.retryAfterMs]).toEqual(["rate_limited", 1_000]);
  });

  it("refuses invalid knobs as a non-retryable error", async () => {
    const error = await failure(
      ask({ messages: user("hi"), parameters: { simulated: { failureRate: 3 } } }),
    );
    expect([error.code, error.retryable]).toEqual(["invalid_parameters", false]);
  });
});
