import { NodeError } from "@/lib/engine/errors";
import { simulatedKnobsSchema, type SimulatedKnobs } from "@/lib/nodes/shared/simulated-knobs";
import { callSignal, sleep } from "../abort";
import { chatTokens, textTokens } from "../tokens";
import { seeded } from "./seeded";
import { generateJson } from "./simulated-json";
import { replyText } from "./simulated-text";
import type { AdapterOptions, AdapterRequest, AdapterResult, ProviderAdapter } from "./types";

/** Built-in simulated models: a fast, terse one and a slower, wordier one. */
export const SIMULATED_MODELS: Record<string, SimulatedKnobs & { sentences: number }> = {
  "sim-small": { latencyMs: 200, sentences: 3 },
  "sim-large": { latencyMs: 600, sentences: 5 },
};
const DEFAULTS = {
  latencyMs: 200,
  failureRate: 0,
  failureKind: "server_error",
  tokenDelayMs: 12,
  sentences: 3,
} as const;

function knobsFor(model: string, defaults: SimulatedKnobs, parameters: unknown) {
  const parsed = simulatedKnobsSchema.safeParse(parameters ?? {});
  if (!parsed.success) {
    throw new NodeError("Invalid simulated model options", "invalid_parameters", {
      retryable: false,
      details: {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      },
    });
  }
  const preset = SIMULATED_MODELS[model];
  const knob = <K extends keyof SimulatedKnobs>(name: K) =>
    parsed.data[name] ?? defaults[name] ?? preset?.[name];
  return {
    latencyMs: knob("latencyMs") ?? DEFAULTS.latencyMs,
    failureRate: knob("failureRate") ?? DEFAULTS.failureRate,
    failureKind: knob("failureKind") ?? DEFAULTS.failureKind,
    tokenDelayMs: knob("tokenDelayMs") ?? DEFAULTS.tokenDelayMs,
    outputTokens: knob("outputTokens"),
    sentences: preset?.sentences ?? DEFAULTS.sentences,
  };
}

function answer(
  request: AdapterRequest,
  sentences: number,
  outputTokens: number | undefined,
): string {
  const rng = seeded(
    request.model,
    JSON.stringify(request.messages),
    JSON.stringify(request.jsonSchema ?? null),
  );
  if (request.jsonSchema)
    return JSON.stringify(generateJson(request.jsonSchema, request.messages, rng));
  return replyText(request.messages, rng, {
    sentences,
    targetTokens: outputTokens,
    maxTokens: request.parameters?.maxTokens,
  });
}

function failure(kind: "server_error" | "rate_limit", model: string): NodeError {
  const details = { provider: "simulated", model };
  if (kind === "rate_limit") {
    return new NodeError("Simulated rate limit", "rate_limited", {
      retryable: true,
      retryAfterMs: 1_000,
      details,
    });
  }
  return new NodeError("Simulated provider error", "provider_error", { retryable: true, details });
}

/**
 * A deterministic offline model: the same model and messages give the same answer (JSON matching
 * the schema when one is given). Latency, failures and streaming follow the knobs; honours the abort signal.
 */
export function createSimulatedAdapter(
  defaults: SimulatedKnobs & { random?: () => number } = {},
): ProviderAdapter {
  const { random = Math.random, ...adapterKnobs } = defaults;
  return {
    async complete(request: AdapterRequest, options: AdapterOptions): Promise<AdapterResult> {
      const knobs = knobsFor(request.model, adapterKnobs, request.parameters?.simulated);
      const call = callSignal(options.signal, options.timeoutMs);
      const text = answer(request, knobs.sentences, knobs.outputTokens);
      await sleep(knobs.latencyMs, call.signal, call.reason);
      if (knobs.failureRate > 0 && random() < knobs.failureRate)
        throw failure(knobs.failureKind, request.model);
      if (options.onToken) {
        for (const piece of text.match(/\S+\s*|\s+/g) ?? []) {
          if (knobs.tokenDelayMs > 0) await sleep(knobs.tokenDelayMs, call.signal, call.reason);
          else if (call.signal.aborted) throw call.reason();
          options.onToken(piece);
        }
      }
      const schemaTokens = request.jsonSchema ? textTokens(JSON.stringify(request.jsonSchema)) : 0;
      return {
        text,
        usage: {
          inputTokens: chatTokens(request.messages) + schemaTokens,
          outputTokens: textTokens(text),
          cachedTokens: 0,
        },
        model: request.model,
        provider: "simulated",
      };
    },
  };
}
