import type { FlowGraph } from "@/lib/engine";
import { createFlow } from "@/lib/db/flows";
import { saveFlowVersion } from "@/lib/db/flow-versions";
import type { WorkspaceContext } from "@/lib/server/workspace-context";
import { testEdge, testLlm, testNode } from "./graph";

let flows = 0;

/** Input (requires a string `question`) -> LLM on the Simulated model `model` -> Output. */
export function askGraph(model = "sim-small", template = "Answer: {{question}}"): FlowGraph {
  const llm = testLlm("ask", template);
  return {
    nodes: [
      testNode("in", "input", {
        schema: {
          type: "object",
          required: ["question"],
          properties: { question: { type: "string", minLength: 1 } },
        },
      }),
      { ...llm, config: { ...llm.config, model: { connection: "simulated", model } } },
      testNode("out", "output"),
    ],
    edges: [testEdge("in", "ask"), testEdge("ask", "out")],
  };
}

/** A new flow of the workspace with one saved version per graph, in order. */
export async function flowWithVersions(
  ctx: WorkspaceContext,
  graphs: FlowGraph[],
): Promise<{ flowId: string; versionIds: string[] }> {
  flows += 1;
  const flow = await createFlow(ctx.workspace.id, { name: `Flow ${flows}`, graph: graphs[0]! });
  const versionIds: string[] = [];
  for (const graph of graphs) {
    const saved = await saveFlowVersion(ctx.workspace.id, flow.id, {
      revision: flow.revision,
      graph,
      message: `v${versionIds.length + 1}`,
      author: { id: ctx.user.id, name: ctx.user.name },
    });
    if (saved.status !== "saved") throw new Error(`could not save a version: ${saved.status}`);
    versionIds.push(saved.version.id);
  }
  return { flowId: flow.id, versionIds };
}
