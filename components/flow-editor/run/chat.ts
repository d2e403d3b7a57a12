import type { FlowGraph } from "@/lib/engine";
import type { LiveRun } from "./live-run";

/** The assistant message a run output makes (shared with the OpenAI-compatible API). */
export { replyText } from "@/lib/nodes/shared/reply-text";

/** One turn of a chat-mode conversation, as the Input node takes it. */
export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

/**
 * The LLM nodes whose answer reaches an Output node: walking back from each Output, the first
 * LLM node on every path (earlier LLM calls feed it and are not the reply).
 */
export function replyNodeIds(graph: FlowGraph): string[] {
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const sources = new Map<string, string[]>();
  for (const edge of graph.edges)
    sources.set(edge.target, [...(sources.get(edge.target) ?? []), edge.source]);
  const stack = graph.nodes.filter((n) => n.type === "output").map((n) => n.id);
  const seen = new Set(stack);
  const replies: string[] = [];
  while (stack.length > 0) {
    for (const source of sources.get(stack.pop()!) ?? []) {
      if (seen.has(source)) continue;
      seen.add(source);
      if (types.get(source) === "llm") replies.push(source);
      else stack.push(source);
    }
  }
  return replies;
}

/** The reply streamed so far: the tokens of the reply node that is running, else the last that streamed. */
export function streamedReply(run: LiveRun | null, replyIds: string[]): string {
  if (!run) return "";
  const nodes = replyIds.map((id) => run.nodes[id]).filter((n) => n !== undefined);
  const running = nodes.find((n) => n.status === "running" && n.text);
  return running?.text ?? nodes.findLast((n) => n.text)?.text ?? "";
}
