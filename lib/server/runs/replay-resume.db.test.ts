import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NodeError, type EnginePorts, type FlowGraph } from "@/lib/engine";
import { getDb } from "@/lib/db/client";
import { saveFlowVersion } from "@/lib/db/flow-versions";
import { createFlow, updateFlowIfRevision } from "@/lib/db/flows";
import { setupAdminContext } from "@/test/admin-context";
import { setupTestDatabase } from "@/test/database";
import type { WorkspaceContext } from "../workspace-context";
import { replayRun } from "./replay";
import { resumeRun } from "./resume";
import { getRunWithNodes, startRun } from "./run-service";
import { testNode as node, testLlm as llm, testEdge as edge } from "@/test/graph";

/**
 * Every model call as `runId:nodeId:attempt`; a prompt starting with a word in `failing` fails
 * (not retryable) as often as its count says.
 */
const { llmCalls, failing, ports } = vi.hoisted(() => {
  const llmCalls: string[] = [];
  const failing = new Map<string, number>();
  const unused = () => Promise.reject(new Error("unused"));
  const ports = {
    llm: {
      async complete(
        request: { messages: { content: string }[] },
        call: { idempotencyKey: string },
      ) {
        llmCalls.push(call.idempotencyKey);
        const content = request.messages.at(-1)!.content;
        const word = content.split(" ")[0]!;
        const left = failing.get(word) ?? 0;
        if (left > 0) {
          failing.set(word, left - 1);
          throw new NodeError("provider down", "provider_error", { retryable: false });
        }
        return {
          text: `echo(${content})`,
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
  return { llmCalls, failing, ports: ports as unknown as EnginePorts };
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
  failing.clear();
});

/** Input -> first -> second -> third (LLMs) -> Output. */
const chain = (prefix = "again"): FlowGraph => ({
  nodes: [
    node("in", "input"),
    llm("first", "{{ input.text }}"),
    llm("second", `${prefix} {{ input }}`),
    llm("third", "then {{ input }}"),
    node("out", "output"),
  ],
  edges: [
    edge("in", "first"),
    edge("first", "second"),
    edge("second", "third"),
    edge("third", "out"),
  ],
});
const needsName: FlowGraph = {
  ...chain(),
  nodes: chain().nodes.map((n) =>
    n.id === "in"
      ? {
          ...n,
          config: {
            schema: {
              type: "object",
              required: ["name"],
              properties: { name: { type: "string" } },
            },
          },
        }
      : n,
  ),
};

const wait = { waitMs: 20_000 };
const start = (flowId: string, body: Record<string, unknown>, as = ctx) =>
  startRun(as, flowId, { ...wait, ...body });

async function saveVersion(flowId: string, graph: FlowGraph, revision: number) {
  const saved = await saveFlowVersion(ctx.workspace.id, flowId, {
    revision,
    graph,
    message: "v",
    author: { id: ctx.user.id, name: ctx.user.name },
  });
  if (saved.status !== "saved") throw new Error(saved.status);
  return saved.version.id;
}

async function nodesOf(runId: string) {
  const { nodes } = await getRunWithNodes(ctx, runId);
  return Object.fromEntries(nodes.filter((n) => n.final).map((n) => [n.nodeId, n]));
}

describe("replay", () => {
  it("runs the same version with the same input, then the newest saved version", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "replay-v", graph: chain() });
    const v1 = await saveVersion(flow.id, chain(), flow.revision);
    const original = await start(flow.id, { input: { text: "hi" }, versionId: v1 });
    expect(original.run.output).toBe("echo(then echo(again echo(hi)))");

    const same = await replayRun(ctx, original.run.id, { version: "same", ...wait });
    expect(same.status).toBe(200);
    expect(same.run).toMatchObject({
      status: "succeeded",
      trigger: "replay",
      parentRunId: original.run.id,
      fromNodeId: null,
      flowVersionId: v1,
      input: { text: "hi" },
      output: original.run.output,
      rating: null,
      contentPurged: false,
    });

    const v2 = await saveVersion(flow.id, chain("once more"), flow.revision);
    llmCalls.length = 0;
    const latest = await replayRun(ctx, original.run.id, { version: "latest", ...wait });
    expect(latest.run).toMatchObject({ flowVersionId: v2, parentRunId: original.run.id });
    expect(latest.run.output).toBe("echo(then echo(once more echo(hi)))");
    expect(llmCalls).toHaveLength(3);
  });

  it("replays a draft run on its own snapshot, not on the draft as edited since", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "replay-draft", graph: chain() });
    const original = await start(flow.id, { input: { text: "yo" } });
    await updateFlowIfRevision(ctx.workspace.id, flow.id, flow.revision, {
      graph: chain("changed"),
    });
    const replay = await replayRun(ctx, original.run.id, { version: "same", ...wait });
    expect(replay.run).toMatchObject({ flowVersionId: null, trigger: "replay" });
    expect(replay.run.output).toBe(original.run.output);
  });

  it("refuses latest without a saved version, an input the new schema rejects, and others' runs", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "replay-none", graph: chain() });
    const original = await start(flow.id, { input: { text: "x" } });
    await expect(
      replayRun(ctx, original.run.id, { version: "latest", waitMs: 0 }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("no saved version") });

    await saveVersion(flow.id, needsName, flow.revision);
    await expect(
      replayRun(ctx, original.run.id, { version: "latest", waitMs: 0 }),
    ).rejects.toMatchObject({
      status: 400,
      code: "validation_failed",
      details: { issues: [expect.objectContaining({ message: expect.any(String) })] },
    });

    await expect(
      replayRun(other, original.run.id, { version: "same", waitMs: 0 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      replayRun(ctx, "no-such-run", { version: "same", waitMs: 0 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a run whose content retention deleted", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "replay-purged", graph: chain() });
    const original = await start(flow.id, { input: { text: "x" } });
    await getDb().run.update({
      where: { id: original.run.id },
      data: { contentPurgedAt: new Date() },
    });
    await expect(
      replayRun(ctx, original.run.id, { version: "same", waitMs: 0 }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("resume", () => {
  it("reruns the failed node and what follows; completed nodes are reused, not called or paid", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "resume", graph: chain() });
    failing.set("again", 1);
    const failed = await start(flow.id, { input: { text: "hi" } });
    expect(failed.run.status).toBe("failed");
    expect(llmCalls).toEqual([`${failed.run.id}:first:1`, `${failed.run.id}:second:1`]);
    llmCalls.length = 0;

    const resumed = await resumeRun(ctx, failed.run.id, wait);
    expect(resumed.status).toBe(200);
    expect(resumed.run).toMatchObject({
      status: "succeeded",
      trigger: "resume",
      parentRunId: failed.run.id,
      fromNodeId: "second",
      flowVersionId: null,
      input: { text: "hi" },
      output: "echo(then echo(again echo(hi)))",
    });
    expect(llmCalls).toEqual([`${resumed.run.id}:second:1`, `${resumed.run.id}:third:1`]);

    const nodes = await nodesOf(resumed.run.id);
    expect(nodes.first).toMatchObject({
      source: "reused",
      status: "succeeded",
      costUsd: "0",
      tokensIn: 0,
    });
    expect(nodes.second).toMatchObject({ source: "executed", costUsd: "0.002" });
    expect(nodes.third).toMatchObject({ source: "executed", costUsd: "0.002" });
    expect(resumed.run.totals).toMatchObject({ costUsd: "0.004", tokensIn: 20 });
  });

  it("resumes a version run on that version and chains a second resume", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "resume-v", graph: chain() });
    const v1 = await saveVersion(flow.id, chain(), flow.revision);
    failing.set("again", 1);
    failing.set("then", 1);
    const failed = await start(flow.id, { input: { text: "a" }, versionId: v1 });
    const second = await resumeRun(ctx, failed.run.id, wait);
    expect(second.run).toMatchObject({ status: "failed", flowVersionId: v1, fromNodeId: "second" });
    llmCalls.length = 0;
    const third = await resumeRun(ctx, second.run.id, wait);
    expect(third.run).toMatchObject({ status: "succeeded", fromNodeId: "third" });
    expect(llmCalls).toEqual([`${third.run.id}:third:1`]);
    const nodes = await nodesOf(third.run.id);
    expect([nodes.first!.source, nodes.second!.source]).toEqual(["reused", "reused"]);
  });

  it("answers 409 for a run that did not fail and 404 for another workspace's", async () => {
    const flow = await createFlow(ctx.workspace.id, { name: "resume-ok", graph: chain() });
    const ok = await start(flow.id, { input: { text: "x" } });
    await expect(resumeRun(ctx, ok.run.id, { waitMs: 0 })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("succeeded"),
    });
    failing.set("again", 1);
    const failed = await start(flow.id, { input: { text: "x" } });
    llmCalls.length = 0;
    await expect(resumeRun(other, failed.run.id, { waitMs: 0 })).rejects.toMatchObject({
      status: 404,
    });
    expect(llmCalls).toEqual([]);
  });
});
