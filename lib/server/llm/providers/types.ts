import type { ChatMessage, LlmParameters, TokenUsage } from "@/lib/engine/context";

/** Sampling parameters plus provider-specific extras (the simulated model reads `simulated`). */
export type AdapterParameters = LlmParameters & { simulated?: unknown };

/** One model call as an adapter receives it (the connection is already chosen). */
export interface AdapterRequest {
  model: string;
  messages: ChatMessage[];
  parameters?: AdapterParameters;
  jsonSchema?: Record<string, unknown>;
}

/** Per-call options: the node's abort signal, an optional token sink and a time limit. */
export interface AdapterOptions {
  signal: AbortSignal;
  onToken?: (token: string) => void;
  timeoutMs: number;
}

/** A tool call the model asked for (returned alongside the text). */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** What a provider answered. `usage.inputTokens` includes `cachedTokens` (OpenAI's convention). */
export interface AdapterResult {
  text: string;
  usage: TokenUsage;
  model: string;
  provider: string;
  toolCalls?: ToolCall[];
}

/** A model provider. Adapters never retry: the engine's node policy owns retries. */
export interface ProviderAdapter {
  complete(request: AdapterRequest, options: AdapterOptions): Promise<AdapterResult>;
}
