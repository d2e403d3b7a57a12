import type {
  CallOptions,
  LlmPort,
  LlmRequest,
  LlmResponse,
  TokenUsage,
} from "@/lib/engine/context";
import { NodeError } from "@/lib/engine/errors";
import { POLICY_BOUNDS } from "@/lib/engine/policy";
import { findConnectionByName, type ConnectionRecord } from "@/lib/db/connections";
import { cacheKey, canonicalJson, readCache, writeCache } from "./cache";
import { createPricer } from "./pricing";
import { adapterFor, type AdapterRequest, type ProviderAdapter } from "./providers";
import type { SimulatedKnobs } from "@/lib/nodes/shared/simulated-knobs";
import { guardedCall } from "./resilience";

/** The port's answer: the engine's LlmResponse plus whether a price was known for the model. */
export interface PricedLlmResponse extends LlmResponse {
  priced: boolean;
}

/** The engine's LlmPort, answering with PricedLlmResponse. */
export interface PricedLlmPort extends LlmPort {
  complete(request: LlmRequest, call: CallOptions): Promise<PricedLlmResponse>;
}

/** Options of a workspace's model port. */
export interface LlmPortOptions {
  workspaceId: string;
  /** The adapter's own time limit per call; the node policy's time-out (which aborts the signal) is usually shorter. */
  timeoutMs?: number;
  /** Knobs for the simulated model (tests and demos, e.g. `{ latencyMs: 0 }`). */
  simulated?: SimulatedKnobs;
  now?: () => Date;
}

/**
 * The model name the circuit breaker is keyed by. Simulated calls with knobs get a breaker of their
 * own, so a deliberately flaky demo node cannot open the breaker of every other call to that model.
 */
function breakerModel(connection: ConnectionRecord, request: AdapterRequest): string {
  const knobs = request.parameters?.simulated;
  if (connection.provider !== "simulated" || knobs === undefined) return request.model;
  return `${request.model}#${canonicalJson(knobs)}`;
}

function unknownModel(message: string): NodeError {
  return new NodeError(message, "unknown_model", { retryable: false });
}

/**
 * The engine's LlmPort for one workspace: connection by name, with the price of the model first
 * asked of it (both remembered per port), then
 * cache -> circuit breaker -> bulkhead -> provider adapter; measures latency and prices the call.
 * A failed attempt whose error carries `details.usage` gets `details.costUsd` too.
 */
export function createLlmPort(options: LlmPortOptions): PricedLlmPort {
  const { workspaceId } = options;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? POLICY_BOUNDS.timeoutMs.max;
  const connections = new Map<string, Promise<ConnectionRecord | null>>();
  const adapters = new Map<string, ProviderAdapter>();
  const pricer = createPricer(workspaceId);

  async function connectionFor(request: LlmRequest): Promise<ConnectionRecord> {
    const { connection: name, model } = request.model;
    let found = connections.get(name);
    if (!found) {
      const priced = findConnectionByName(workspaceId, name, model);
      found = priced.then((connection) => {
        if (connection) pricer.remember(connection, model, connection.price);
        return connection;
      });
      found.catch(() => connections.delete(name));
      connections.set(name, found);
    }
    const connection = await found;
    if (!connection) throw unknownModel(`No model connection named "${name}" in this workspace`);
    if (connection.models.length > 0 && !connection.models.includes(model)) {
      throw unknownModel(`Model "${model}" is not listed on connection "${name}"`);
    }
    return connection;
  }

  function adapterOf(connection: ConnectionRecord): ProviderAdapter {
    let adapter = adapters.get(connection.id);
    if (!adapter) {
      adapter = adapterFor(connection, options.simulated);
      adapters.set(connection.id, adapter);
    }
    return adapter;
  }

  async function withCost(
    error: unknown,
    connection: ConnectionRecord,
    model: string,
  ): Promise<unknown> {
    if (!(error instanceof NodeError)) return error;
    const details = error.options.details as { usage?: TokenUsage } | undefined;
    if (!details?.usage) return error;
    const price = await pricer.price(connection, model, details.usage).catch(() => undefined);
    if (!price) return error;
    const priced = { ...details, costUsd: price.costUsd, priced: price.priced };
    return new NodeError(error.message, error.code, { ...error.options, details: priced });
  }

  return {
    async complete(request: LlmRequest, call: CallOptions): Promise<PricedLlmResponse> {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const connection = await connectionFor(request);
      const adapter = adapterOf(connection);
      const model = request.model.model;
      const ttlSeconds = request.cacheTtlSeconds ?? 0;
      const key =
        ttlSeconds > 0 ? cacheKey({ ...request, model, connection: connection.id }) : undefined;
      if (key) {
        const hit = await readCache(workspaceId, key, now());
        if (hit) {
          call.onToken?.(hit.answer.text);
          const { answer } = hit;
          return {
            ...answer,
            costUsd: 0,
            costSavedUsd: hit.costUsd,
            cacheHit: true,
            latencyMs: elapsed(),
            priced: true,
          };
        }
      }
      const adapterRequest: AdapterRequest = {
        model,
        messages: request.messages,
        parameters: request.parameters,
        jsonSchema: request.jsonSchema,
      };
      const adapterOptions = { signal: call.signal, onToken: call.onToken, timeoutMs };
      try {
        const result = await guardedCall(
          connection,
          breakerModel(connection, adapterRequest),
          () => adapter.complete(adapterRequest, adapterOptions),
          call.signal,
        );
        const price = await pricer.price(connection, model, result.usage);
        const answer = {
          text: result.text,
          usage: result.usage,
          provider: connection.provider,
          model,
        };
        if (key)
          await writeCache(workspaceId, key, {
            answer,
            costUsd: price.costUsd,
            ttlSeconds,
            now: now(),
          });
        return {
          ...answer,
          costUsd: price.costUsd,
          costSavedUsd: 0,
          cacheHit: false,
          latencyMs: elapsed(),
          priced: price.priced,
        };
      } catch (error) {
        throw await withCost(error, connection, model);
      }
    },
  };
}
