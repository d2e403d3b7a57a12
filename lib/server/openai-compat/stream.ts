import { compileFlow, type FlowGraph } from "@/lib/engine";
import { nodeRegistry } from "@/lib/nodes";
import { replyText } from "@/lib/nodes/shared/reply-text";
import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";
import type { ApiCaller } from "../api-keys/authenticate";
import { loadEndpointRun } from "../endpoint-runs/read";
import { streamRunEvents } from "../runs/run-stream";
import { completionChunk, completionId, completionUsage, unixSeconds } from "./completion";
import { openAiErrorBody } from "./errors";
import { runOutcomeError } from "./outcome";

/**
 * The node whose tokens are the reply as they come: the one whose text answer feeds the flow's
 * only Output node as it is (no pick). Null for a picked field or several outputs. Whatever is not
 * streamed (a template's text streams no tokens) is sent whole when the run ends.
 */
export function liveReplyNode(graph: FlowGraph): string | null {
  const nodes = compileFlow(graph, nodeRegistry).nodes;
  const exits = [...nodes.values()].filter((n) => n.definition.capabilities?.exit);
  if (exits.length !== 1 || (exits[0]!.config as { pick?: string }).pick !== undefined) return null;
  const edge = exits[0]!.incoming.get("in")?.[0];
  if (!edge) return null;
  const port = nodes.get(edge.source)?.ports.outputs.find((p) => p.name === edge.sourcePort);
  return port?.type === "text" ? edge.source : null;
}

type Frame = { type: string; data: unknown } | { heartbeat: true };

/** The frames of a run event stream (`event:` / `data:` frames and `:` comments). */
async function* frames(body: ReadableStream<Uint8Array>): AsyncGenerator<Frame> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const lines = buffer.slice(0, end).split("\n");
      buffer = buffer.slice(end + 2);
      if (lines.every((l) => l.startsWith(":"))) yield { heartbeat: true };
      const type = lines.find((l) => l.startsWith("event: "))?.slice(7);
      const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
      if (type && data !== undefined) yield { type, data: JSON.parse(data) as unknown };
    }
  }
}

/** What a streamed completion needs: the run, its model name and the reply node to follow live. */
export interface StreamedCompletion {
  caller: ApiCaller;
  run: EndpointRunDto;
  model: string;
  liveNodeId: string | null;
  includeUsage: boolean;
}

/**
 * A streamed chat completion: `chat.completion.chunk` events with the reply's tokens as the model
 * produces them (the rest once the run ends), a final chunk with `finish_reason`, the usage chunk
 * when asked (`stream_options.include_usage`), then `data: [DONE]`. A run that fails sends an
 * OpenAI error event. A client that leaves ends only its stream: the run goes on and is recorded.
 */
export async function streamCompletion(
  completion: StreamedCompletion,
  signal: AbortSignal,
): Promise<Response> {
  const { caller, run, model, liveNodeId } = completion;
  const events = await streamRunEvents(
    { workspace: { id: caller.workspaceId } },
    run.id,
    0,
    signal,
  );
  const base = { id: completionId(run.id), created: unixSeconds(run.createdAt), model };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => controller.enqueue(encoder.encode(text));
      const send = (data: unknown) => write(`data: ${JSON.stringify(data)}\n\n`);
      try {
        send(completionChunk(base, { delta: { role: "assistant", content: "" } }));
        let sent = "";
        let attempt: number | null = null;
        for await (const frame of frames(events.body!)) {
          if ("heartbeat" in frame) write(": heartbeat\n\n");
          else if (frame.type === "node.token" && liveNodeId !== null) {
            const token = frame.data as { nodeId: string; attempt: number; token: string };
            if (token.nodeId !== liveNodeId || (attempt ?? token.attempt) !== token.attempt)
              continue;
            attempt = token.attempt;
            sent += token.token;
            send(completionChunk(base, { delta: { content: token.token } }));
          }
        }
        if (signal.aborted) return;
        const settled = await loadEndpointRun(caller, run.id);
        const failure = runOutcomeError(settled);
        if (failure) send(openAiErrorBody(failure));
        else {
          const text = replyText(settled.output);
          if (text.startsWith(sent) && text.length > sent.length)
            send(completionChunk(base, { delta: { content: text.slice(sent.length) } }));
          send(completionChunk(base, { delta: {}, finish: "stop" }));
          if (completion.includeUsage)
            send(completionChunk(base, { usage: completionUsage(settled.usage) }));
        }
        write("data: [DONE]\n\n");
        controller.close();
      } catch {
        // The client went away: its stream ends here, the run goes on.
      }
    },
  });
  return new Response(stream, { headers: Object.fromEntries(events.headers) });
}
