import { describe, expect, it } from "vitest";
import type { NodeAttemptDto, RunDto } from "@/lib/schemas/runs";
import { applyRunEvent, startedRun, storedNodes, type LiveRun } from "./live-run";

const events = (run: LiveRun, list: [string, unknown][]) =>
  list.reduce((current, [type, data]) => applyRunEvent(current, type, data), run);

describe("live run", () => {
  it("moves nodes from queued through running to their outcome", () => {
    let run = startedRun("r1", ["in", "llm", "out"]);
    expect(run.nodes.llm!.status).toBe("queued");
    run = events(run, [
      ["run.started", { runId: "r1" }],
      ["node.started", { nodeId: "llm", attempt: 1, inputs: { in: "hi" } }],
      ["node.token", { nodeId: "llm", attempt: 1, token: "Hel" }],
      ["node.token", { nodeId: "llm", attempt: 1, token: "lo" }],
    ]);
    expect(run.nodes.llm).toMatchObject({ status: "running", text: "Hello", inputs: { in: "hi" } });
    run = events(run, [
      [
        "node.succeeded",
        {
          nodeId: "llm",
          attempt: 1,
          outputs: { out: "Hello" },
          latencyMs: 240,
          trace: {
            model: "sim-small",
            renderedPrompt: "Say hi",
            usage: { inputTokens: 5, outputTokens: 2, cachedTokens: 0 },
            costUsd: 0.0001,
          },
        },
      ],
      ["node.skipped", { nodeId: "out" }],
      ["run.succeeded", { output: "Hello" }],
    ]);
    expect(run.nodes.llm).toMatchObject({
      status: "succeeded",
      tokens: 7,
      costUsd: 0.0001,
      latencyMs: 240,
      model: "sim-small",
      renderedPrompt: "Say hi",
    });
    expect(run.nodes.out!.status).toBe("skipped");
    expect(run).toMatchObject({ status: "succeeded", output: "Hello", persisted: false });
    expect(applyRunEvent(run, "run.persisted", { status: "succeeded" }).persisted).toBe(true);
  });

  it("keeps a retried node running and restarts its streamed text", () => {
    const run = events(startedRun("r1", ["llm"]), [
      ["node.started", { nodeId: "llm", attempt: 1 }],
      ["node.token", { nodeId: "llm", attempt: 1, token: "partial" }],
      ["node.failed", { nodeId: "llm", attempt: 1, final: false, error: { message: "x" } }],
    ]);
    expect(run.nodes.llm!.status).toBe("running");
    const retried = applyRunEvent(run, "node.started", { nodeId: "llm", attempt: 2 });
    expect(retried.nodes.llm).toMatchObject({ status: "running", attempt: 2, text: "" });
  });

  it("marks pinned and reused results", () => {
    const run = events(startedRun("r1", ["a", "b", "c"]), [
      ["node.succeeded", { nodeId: "a", attempt: 1, outputs: {}, latencyMs: 0, source: "reused" }],
      ["node.skipped", { nodeId: "b", source: "reused" }],
      ["node.succeeded", { nodeId: "c", attempt: 1, outputs: {}, latencyMs: 0, source: "pinned" }],
    ]);
    expect(Object.values(run.nodes).map((n) => [n.status, n.source])).toEqual([
      ["succeeded", "reused"],
      ["skipped", "reused"],
      ["succeeded", "pinned"],
    ]);
  });

  it("reads a stored run: the deciding attempt per node, queued nodes of a paused run", () => {
    const attempt = (nodeId: string, n: number, status: string, final: boolean) =>
      ({
        nodeId,
        attempt: n,
        status,
        final,
        output: null,
        error: null,
        renderedPrompt: null,
        model: null,
        latencyMs: 10,
        tokensIn: 1,
        tokensOut: 2,
        costUsd: "0.5",
        source: nodeId === "a" ? "reused" : "executed",
      }) as unknown as NodeAttemptDto;
    const run = { status: "waiting" } as RunDto;
    const nodes = storedNodes(
      run,
      [
        attempt("a", 1, "succeeded", true),
        attempt("b", 1, "failed", false),
        attempt("b", 2, "waiting", true),
      ],
      ["a", "b", "c"],
    );
    expect(nodes.a).toMatchObject({
      status: "succeeded",
      source: "reused",
      tokens: 3,
      costUsd: 0.5,
    });
    expect(nodes.b).toMatchObject({ status: "waiting", attempt: 2, source: "executed" });
    expect(nodes.c!.status).toBe("queued");
    expect(storedNodes({ status: "succeeded" } as RunDto, [], ["c"])).toEqual({});
  });
});
