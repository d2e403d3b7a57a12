import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { EnginePorts, FlowGraph } from "@/lib/engine";
import { createFlow } from "@/lib/db/flows";
import { listRunEvents } from "@/lib/db/node-runs";
import { setupAdminContext } from "@/test/admin-context";
import { setupTestDatabase } from "@/test/database";
import type { WorkspaceContext } from "../workspace-context";
import { getRunWithNodes, startRun } from "./run-service";
import { testNode as node, testLlm as llm, testEdge as edge } from "@/test/graph";

/** Every model call as `runId:nodeId:attempt`, through the ports every run of these tests uses. */
const { llmCalls, ports } = vi.hoisted(() => {
  const llmCalls: string[] = [];
  const unused = () => Promise.reject(new Error("unused"));
  const ports = {
    llm: {
      async complete(
        request: { messages: { content: string }[] },
        call: { idempotencyKey: string },
      ) {
        llmCalls.push(call.idempotencyKey);
        return {
          text: `echo(${request.messages.at(-1)!.content})`,
          usage: { inputTokens: 10, outputTokens: 5, cachedTokens: 0 },
          costUsd: 0.002,
          provider: "fake",
          model: "m",
          latencyMs: 1,
        };
      },
    },
    http: { request: unused },
    secrets: { get: unused },
    prompts: { resolve: unused },
  };
  return { llmCalls, ports: ports as unknown as EnginePorts };
});
vi.mock("./run-ports", () => ({ portsForRun: () => ports }));

setupTestDatabase();

let ctx: WorkspaceContext;
let other: WorkspaceContext;
beforeAll(async () => {
  const admin = await setupAdminContext();
  ctx = admin.ctx;
  other = await admin.inNewWorkspace("Elsewhere");
});
beforeEach(() => {
  llmCalls.length = 0;
});

/** Input -> first (LLM) -> second (LLM) -> Output. */
const chain: FlowGraph = {
  nodes: [
    node("in", "input"),
    llm("first", "{{ input.text }}"),
    llm("second", "again {{ input }}"),
    node("out", "output"),
  ],
  edges: [edge("in", "first"), edge("first", "second"), edge("second", "out")],
};

const run = (flowId: string, body: Record<string, unknown>, as = ctx) =>
  startRun(as, flowId, { waitMs: 20_000, ...body });

async function sourcesOf(runId: string) {
  const { nodes } = await getRunWithNodes(ctx, runId);
  return Object.fromEntries(nodes.map((n) => [n.nodeId, n]));
}

describe("run from here", () => {
  it("reuses the earlier run upstream of the node and re-executes it and what follows", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "rerun", graph: chain });
    const first = await run(flow.id, { input: { text: "hi" } });
    expect(first.run).toMatchObject({ status: "succeeded", output: "echo(again echo(hi))" });
    expect(llmCalls).toEqual([`${first.run.id}:first:1`, `${first.run.id}:second:1`]);
    llmCalls.length = 0;

    const rerun = await run(flow.id, { from: { runId: first.run.id, nodeId: "second" } });
    expect(rerun.run).toMatchObject({ status: "succeeded", input: { text: "hi" } });
    expect(rerun.run.output).toBe("echo(again echo(hi))");
    expect(llmCalls).toEqual([`${rerun.run.id}:second:1`]);

    const nodes = await sourcesOf(rerun.run.id);
    expect(nodes.first).toMatchObject({
      source: "reused",
      status: "succeeded",
      output: { out: "echo(hi)" },
      costUsd: "0",
      tokensIn: 0,
      tokensOut: 0,
    });
    expect(nodes.in!.source).toBe("executed");
    expect(nodes.second).toMatchObject({ source: "executed", costUsd: "0.002" });
    expect(nodes.out!.source).toBe("executed");
    expect(rerun.run.totals).toMatchObject({ costUsd: "0.002", tokensIn: 10 });

    const events = await listRunEvents(rerun.run.id);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "node.succeeded",
        data: expect.objectContaining({ nodeId: "first", source: "reused" }),
      }),
    );
  });

  it("takes a new input when one is given and reruns everything from the first model call", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "rerun-all", graph: chain });
    const first = await run(flow.id, { input: { text: "hi" } });
    llmCalls.length = 0;
    const rerun = await run(flow.id, {
      input: { text: "bye" },
      from: { runId: first.run.id, nodeId: "first" },
    });
    expect(rerun.run.output).toBe("echo(again echo(bye))");
    expect(llmCalls).toEqual([`${rerun.run.id}:first:1`, `${rerun.run.id}:second:1`]);
  });

  it("refuses a run of another flow or workspace (404) and a node the draft lacks (400)", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "mine", graph: chain });
    const otherFlow = await createFlow(ctx.workspace.id, { name: "other", graph: chain });
    const foreign = await run(otherFlow.id, { input: { text: "x" } });
    await expect(
      run(flow.id, { from: { runId: foreign.run.id, nodeId: "second" } }),
    ).rejects.toMatchObject({ status: 404, message: expect.stringContaining("this flow") });

    const elsewhere = await createFlow(other.workspace.id, { name: "far", graph: chain });
    const far = await run(elsewhere.id, { input: { text: "x" } }, other);
    await expect(
      run(flow.id, { from: { runId: far.run.id, nodeId: "second" } }),
    ).rejects.toMatchObject({ status: 404 });

    const own = await run(flow.id, { input: { text: "x" } });
    await expect(
      run(flow.id, { from: { runId: own.run.id, nodeId: "ghost" } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("ghost") });
    llmCalls.length = 0;
    await expect(
      run(flow.id, { from: { runId: "no-such-run", nodeId: "second" } }),
    ).rejects.toMatchObject({ status: 404 });
    expect(llmCalls).toEqual([]);
  });
});

describe("pinned outputs in draft runs", () => {
  it("settles a pinned node without a model call and feeds its outputs downstream", async () => {
    const pinned: FlowGraph = {
      ...chain,
      nodes: chain.nodes.map((n) =>
        n.id === "first" ? { ...n, pin: { outputs: { out: "pinned text" } } } : n,
      ),
    };
    const flow = await createFlow(ctx.workspace.id, { name: "pinned", graph: pinned });
    const result = await run(flow.id, { input: { text: "hi" } });
    expect(result.run).toMatchObject({
      status: "succeeded",
      output: "echo(again pinned text)",
      totals: { costUsd: "0.002" },
    });
    expect(llmCalls).toEqual([`${result.run.id}:second:1`]);
    const nodes = await sourcesOf(result.run.id);
    expect(nodes.first).toMatchObject({ source: "pinned", costUsd: "0", tokensIn: 0 });
    expect(nodes.second!.source).toBe("executed");
    const events = await listRunEvents(result.run.id);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "node.succeeded",
        data: expect.objectContaining({ nodeId: "first", source: "pinned" }),
      }),
    );
  });
});
