import { beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "@/lib/db/flows";
import type { FlowGraph } from "@/lib/engine";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { createAdminContext } from "@/test/fixtures";
import { approveProduction, memberContext } from "@/test/governance";
import { testEdge as edge, testNode as node } from "@/test/graph";
import { createPrompt } from "../prompts/library";
import { saveVersion } from "../prompts/versions";
import { getRunWithNodes, startRun } from "../runs/run-service";
import type { WorkspaceContext } from "../workspace-context";

setupTestDatabase();

let editor: WorkspaceContext;
let approver: WorkspaceContext;
let flowId: string;
let promptId: string;

/** Input -> LLM (managed prompt "support-answer" at its production label) -> Output. */
const graph: FlowGraph = {
  nodes: [
    node("in", "input"),
    node("answer", "llm", {
      prompt: { kind: "managed", name: "support-answer", label: "production" },
    }),
    node("out", "output"),
  ],
  edges: [edge("in", "answer"), edge("answer", "out")],
};

/** Runs the flow and returns what its LLM attempt recorded. */
async function runAnswer() {
  const { run } = await startRun(editor, flowId, { input: { topic: "refunds" }, waitMs: 20_000 });
  expect(run.status).toBe("succeeded");
  const { nodes } = await getRunWithNodes(editor, run.id);
  return nodes.find((n) => n.nodeId === "answer")!;
}

beforeAll(async () => {
  const admin = await createAdminContext("Runs with prompts");
  editor = await memberContext(admin.workspace.id, ["editor"], "Eve Editor");
  approver = await memberContext(admin.workspace.id, ["approver"], "Alan Approver");
  const prompt = await createPrompt(editor, {
    name: "support-answer",
    description: "",
    template: "Version one about {{ topic }}.",
    model: { connection: "simulated", model: "sim-small" },
    message: "first",
  });
  promptId = prompt.id;
  await approveProduction(editor, approver, promptId, prompt.latest!.id);
  flowId = (await createFlow(editor.workspace.id, { name: "answers", graph })).id;
});

describe(`runs after an approval on ${testDbKind}`, () => {
  it("resolve the label at run time: the next run uses the newly approved version", async () => {
    const before = await runAnswer();
    expect(before.renderedPrompt).toBe("Version one about refunds.");
    expect(before.prompt).toEqual({ id: promptId, name: "support-answer", version: 1 });

    const v2 = await saveVersion(editor, promptId, {
      template: "Version two about {{ topic }}.",
      message: "clearer",
      baseVersion: 1,
    });
    const unapproved = await runAnswer();
    expect(unapproved.prompt?.version).toBe(1);

    const approved = await approveProduction(editor, approver, promptId, v2.id);
    expect(approved.status).toBe("applied");
    const after = await runAnswer();
    expect(after.renderedPrompt).toBe("Version two about refunds.");
    expect(after.promptVersionId).toBe(v2.id);
    expect(after.prompt).toEqual({ id: promptId, name: "support-answer", version: 2 });
  });
});
