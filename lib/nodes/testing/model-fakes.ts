import type {
  CallOptions,
  HttpPort,
  HttpRequest,
  HttpResponse,
  LlmPort,
  LlmRequest,
  LlmResponse,
  PromptRef,
  PromptsPort,
  ResolvedPrompt,
  SecretsPort,
} from "@/lib/engine/context";
import { NodeError } from "@/lib/engine/errors";
import type { EnginePorts } from "@/lib/engine/run-flow";

/** A scripted provider failure (thrown as a NodeError). */
export interface ScriptedError {
  error: { code: string; message?: string; retryable?: boolean; retryAfterMs?: number };
}

/** One scripted model answer: its text, a response with some fields set, or an error. */
export type ScriptedAnswer = string | (Partial<LlmResponse> & { text: string }) | ScriptedError;

/** Usage and cost of a scripted answer that sets none. */
export const FAKE_USAGE = { inputTokens: 100, outputTokens: 20, cachedTokens: 0 } as const;
/** Cost of a scripted answer that sets none. */
export const FAKE_COST_USD = 0.001;

const thrown = (e: ScriptedError["error"]) =>
  new NodeError(e.message ?? e.code, e.code, {
    retryable: e.retryable ?? true,
    retryAfterMs: e.retryAfterMs,
  });

/** A fake LLM port answering from a queue, word by word through onToken; records every request. */
export function fakeLlm(script: readonly ScriptedAnswer[]) {
  const queue = [...script];
  const calls: { request: LlmRequest; options: CallOptions }[] = [];
  const port: LlmPort = {
    async complete(request, options) {
      calls.push({ request, options });
      const next = queue.shift();
      if (next === undefined) {
        throw new Error(`fake LLM: no scripted answer left for call ${calls.length}`);
      }
      if (typeof next === "object" && "error" in next) throw thrown(next.error);
      const answer = typeof next === "string" ? { text: next } : next;
      for (const token of answer.text.match(/\S+\s*|\s+/g) ?? []) options.onToken?.(token);
      return {
        usage: { ...FAKE_USAGE },
        costUsd: FAKE_COST_USD,
        provider: "fake",
        model: request.model.model,
        latencyMs: 1,
        ...answer,
      };
    },
  };
  return { port, calls, remaining: () => queue.length };
}

/** One scripted HTTP response (headers and body optional) or a port error. */
export type ScriptedHttp =
  { status: number; headers?: Record<string, string>; body?: string } | ScriptedError;

/** A fake HTTP port answering from a queue; records every request. */
export function fakeHttp(script: readonly ScriptedHttp[]) {
  const queue = [...script];
  const calls: { request: HttpRequest; options: CallOptions }[] = [];
  const port: HttpPort = {
    async request(request, options) {
      calls.push({ request, options });
      const next = queue.shift();
      if (next === undefined) {
        throw new Error(`fake HTTP: no scripted response left for call ${calls.length}`);
      }
      if ("error" in next) throw thrown(next.error);
      return {
        status: next.status,
        headers: next.headers ?? {},
        body: next.body ?? "",
      } satisfies HttpResponse;
    },
  };
  return { port, calls };
}

/** A secrets port over a fixed map; records the names asked for. */
export function fakeSecrets(values: Record<string, string>) {
  const asked: string[] = [];
  const port: SecretsPort = {
    async get(name) {
      asked.push(name);
      return Object.hasOwn(values, name) ? values[name]! : null;
    },
  };
  return { port, asked };
}

/** A prompts port over a fixed map keyed `name@label` or `name#version`. */
export function fakePrompts(prompts: Record<string, ResolvedPrompt>): PromptsPort {
  return {
    async resolve(ref: PromptRef) {
      const key = "label" in ref ? `${ref.name}@${ref.label}` : `${ref.name}#${ref.version}`;
      const found = Object.hasOwn(prompts, key) ? prompts[key] : undefined;
      if (!found) {
        throw new NodeError(`Prompt ${key} not found`, "prompt_not_found", { retryable: false });
      }
      return found;
    },
  };
}

const unexpected = (port: string) => () =>
  Promise.reject(new Error(`unexpected call to the ${port} port`));

/** Engine ports for tests: the given ones, and ports that reject any call for the rest. */
export function fakePorts(ports: Partial<EnginePorts> = {}): EnginePorts {
  return {
    llm: { complete: unexpected("llm") },
    http: { request: unexpected("http") },
    secrets: { get: unexpected("secrets") },
    prompts: { resolve: unexpected("prompts") },
    ...ports,
  };
}
