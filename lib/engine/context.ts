import type { ModelRef } from "./graph";

/** One chat message. */
export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
}

/** Sampling parameters passed through to the provider. */
export interface LlmParameters {
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  stop?: string[];
}

/** A model call as a node asks for it. */
export interface LlmRequest {
  model: ModelRef;
  messages: ChatMessage[];
  parameters?: LlmParameters;
  /** Structured output: the model must answer JSON matching this JSON schema. */
  jsonSchema?: Record<string, unknown>;
  /** Exact-match cache time-to-live in seconds (0 or absent: no cache). */
  cacheTtlSeconds?: number;
}

/** Token counts of one call, input, output and cached input kept apart. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
}

/** What a model call returned, with what it cost. */
export interface LlmResponse {
  text: string;
  usage: TokenUsage;
  costUsd: number;
  provider: string;
  model: string;
  latencyMs: number;
  cacheHit?: boolean;
  costSavedUsd?: number;
}

/** Per-call options every port receives. */
export interface CallOptions {
  signal: AbortSignal;
  /** `runId:nodeId:attempt`: side effects use it to deduplicate. */
  idempotencyKey: string;
  onToken?: (token: string) => void;
}

/** The model port (circuit breakers, bulkheads, cache and pricing live behind it). */
export interface LlmPort {
  complete(request: LlmRequest, options: CallOptions): Promise<LlmResponse>;
}

/** An outbound HTTP request from the HTTP tool. */
export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** An HTTP response as the HTTP tool sees it. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The HTTP port (SSRF protection lives behind it). */
export interface HttpPort {
  request(request: HttpRequest, options: CallOptions): Promise<HttpResponse>;
}

/** Workspace secrets by name. */
export interface SecretsPort {
  get(name: string): Promise<string | null>;
}

/** A managed prompt reference: by label (resolved at run time) or pinned version. */
export type PromptRef = { name: string; label: string } | { name: string; version: number };

/** A resolved managed prompt. */
export interface ResolvedPrompt {
  template: string;
  versionId: string;
  version: number;
  model?: ModelRef;
  /** The version's sampling parameters; a node's own parameters override them one by one. */
  parameters?: LlmParameters;
}

/** Managed prompts. */
export interface PromptsPort {
  resolve(ref: PromptRef): Promise<ResolvedPrompt>;
}

/** The world as a node sees it: everything it may touch comes through here. */
export interface NodeContext {
  runId: string;
  nodeId: string;
  attempt: number;
  idempotencyKey: string;
  signal: AbortSignal;
  llm: LlmPort;
  http: HttpPort;
  secrets: SecretsPort;
  prompts: PromptsPort;
  /** A reviewer's decision when a suspended node resumes. */
  decision?: unknown;
  /** Streams a token of the node's output to listeners. */
  emitToken(token: string): void;
}
