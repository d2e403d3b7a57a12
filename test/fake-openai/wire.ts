/** What a successful fake answer contains (defaults: an echo of the last message, counted usage). */
export interface FakeReply {
  content?: string;
  toolCalls?: { name: string; arguments: string }[];
  /** The model declines: `refusal` set and no content. */
  refusal?: string;
  usage?: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number };
  /** Streaming only: leave the usage chunk out even when the client asked for it. */
  omitStreamUsage?: boolean;
}

type Body = Record<string, unknown>;

const CREATED = 1_750_000_000;

function lastMessage(body: Body): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : [];
  const content = messages.at(-1)?.content;
  return typeof content === "string" ? content : "";
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function contentOf(body: Body, reply: FakeReply): string | null {
  if (reply.content !== undefined) return reply.content;
  return reply.toolCalls || reply.refusal ? null : `Echo: ${lastMessage(body)}`;
}

function usageOf(body: Body, reply: FakeReply, content: string | null) {
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: string }[]) : [];
  const u = reply.usage ?? {
    prompt_tokens: messages.reduce((sum, m) => sum + words(m.content ?? "") + 4, 0),
    completion_tokens: words(content ?? ""),
  };
  return {
    prompt_tokens: u.prompt_tokens,
    completion_tokens: u.completion_tokens,
    total_tokens: u.prompt_tokens + u.completion_tokens,
    prompt_tokens_details: { cached_tokens: u.cached_tokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  };
}

function toolCallsOf(reply: FakeReply) {
  return reply.toolCalls?.map((call, index) => ({
    index,
    id: `call_${index + 1}`,
    type: "function" as const,
    function: { name: call.name, arguments: call.arguments },
  }));
}

/** A `chat.completion` response body as OpenAI sends it. */
export function completionBody(body: Body, reply: FakeReply): Body {
  const content = contentOf(body, reply);
  const toolCalls = toolCallsOf(reply)?.map(({ index: _index, ...call }) => call);
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: CREATED,
    model: body.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content,
          refusal: reply.refusal ?? null,
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: toolCalls ? "tool_calls" : "stop",
      },
    ],
    usage: usageOf(body, reply, content),
    system_fingerprint: "fp_fake",
  };
}

/** The `chat.completion.chunk` objects of a streamed answer, usage last when asked for. */
export function streamChunks(body: Body, reply: FakeReply): Body[] {
  const content = contentOf(body, reply);
  const base = {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: CREATED,
    model: body.model,
  };
  const choice = (delta: Body, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const chunks: Body[] = [choice({ role: "assistant", content: "" })];
  for (const piece of (content ?? "").match(/\S+\s*|\s+/g) ?? [])
    chunks.push(choice({ content: piece }));
  if (reply.refusal) chunks.push(choice({ refusal: reply.refusal }));
  const toolCalls = toolCallsOf(reply);
  if (toolCalls) chunks.push(choice({ tool_calls: toolCalls }));
  chunks.push(choice({}, toolCalls ? "tool_calls" : "stop"));
  const options = body.stream_options as { include_usage?: boolean } | undefined;
  if (options?.include_usage && !reply.omitStreamUsage) {
    chunks.push({ ...base, choices: [], usage: usageOf(body, reply, content) });
  }
  return chunks;
}
