import type { FlowGraph } from "@/lib/engine";
import { publishEndpoint } from "@/lib/server/endpoints/endpoints";
import type { WorkspaceContext } from "@/lib/server/workspace-context";
import { askGraph, flowWithVersions } from "./endpoints";
import { testEdge, testNode } from "./graph";

/** Input in chat mode -> LLM passing the conversation to the Simulated model -> Output. */
export function chatGraph(model = "sim-small"): FlowGraph {
  return {
    nodes: [
      testNode("in", "input", { mode: "chat" }),
      testNode("reply", "llm", {
        prompt: { kind: "inline", system: "You are a friendly assistant.", template: " " },
        model: { connection: "simulated", model },
      }),
      testNode("out", "output"),
    ],
    edges: [testEdge("in", "reply"), testEdge("reply", "out")],
  };
}

/** Publishes a flow's only version under `slug`; returns the endpoint id. */
export async function publish(ctx: WorkspaceContext, slug: string, graph: FlowGraph) {
  const { versionIds } = await flowWithVersions(ctx, [graph]);
  return (await publishEndpoint(ctx, { slug, flowVersionId: versionIds[0]! })).id;
}

/** A workspace with a chat endpoint `support-chat` and a JSON endpoint `ask` (Input requires `question`). */
export async function chatAndJsonEndpoints(ctx: WorkspaceContext) {
  return {
    chatId: await publish(ctx, "support-chat", chatGraph()),
    askId: await publish(ctx, "ask", askGraph()),
  };
}
