import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";
import type { CompletionUsage } from "openai/resources/completions";
import type { Model } from "openai/resources/models";
import { replyText } from "@/lib/nodes/shared/reply-text";

/** What a completion is made of: the endpoint run's id, output, tokens and start. */
export interface CompletedRun {
  id: string;
  output: unknown;
  usage: { tokensIn: number; tokensOut: number; tokensCached: number };
  createdAt: string;
}

/** The completion id of a run: `chatcmpl-<run id>`. */
export function completionId(runId: string): string {
  return `chatcmpl-${runId}`;
}

/** Unix seconds of an ISO instant. */
export function unixSeconds(iso: string | Date): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}

/** The run's tokens as OpenAI usage (cached prompt tokens included in the details). */
export function completionUsage(usage: CompletedRun["usage"]): CompletionUsage {
  return {
    prompt_tokens: usage.tokensIn,
    completion_tokens: usage.tokensOut,
    total_tokens: usage.tokensIn + usage.tokensOut,
    prompt_tokens_details: { cached_tokens: usage.tokensCached },
  };
}

/** A `chat.completion`: the Output node's text as the assistant message, the run's tokens as usage. */
export function chatCompletion(run: CompletedRun, model: string): ChatCompletion {
  return {
    id: completionId(run.id),
    object: "chat.completion",
    created: unixSeconds(run.createdAt),
    model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: replyText(run.output), refusal: null },
        finish_reason: "stop",
        logprobs: null,
      },
    ],
    usage: completionUsage(run.usage),
  };
}

/** One `chat.completion.chunk` with a delta (or none), a finish reason or the usage. */
export function completionChunk(
  base: { id: string; created: number; model: string },
  part: { delta: ChatCompletionChunk.Choice.Delta; finish?: "stop" } | { usage: CompletionUsage },
): ChatCompletionChunk {
  const chunk: ChatCompletionChunk = { ...base, object: "chat.completion.chunk", choices: [] };
  if ("usage" in part) return { ...chunk, usage: part.usage };
  return {
    ...chunk,
    choices: [{ index: 0, delta: part.delta, finish_reason: part.finish ?? null, logprobs: null }],
  };
}

/** A model of `GET /api/v1/models`: an endpoint slug. */
export function modelEntry(slug: string, createdAt: Date): Model {
  return { id: slug, object: "model", created: unixSeconds(createdAt), owned_by: "trellis" };
}
