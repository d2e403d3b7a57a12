import { beforeAll, describe, expect, it } from "vitest";
import { NodeError, type EnginePorts, type LlmPort } from "@/lib/engine";
import { createFlow } from "@/lib/db/flows";
import { lastRunEventSeq, listAttempts, listRunEvents } from "@/lib/db/node-runs";
import { getDb } from "@/lib/db/client";
import { rollUpNodeRuns } from "@/lib/db/rollups";
import { type RunRecordBatch, writeRunRecords } from "@/lib/db/run-records";
import { createRun, finishRun, loadRun, setRunStatus } from "@/lib/db/runs";
import { setupTestDatabase } from "@/test/database";
import { completeSetup } from "../setup";
import { executeRun } from "./execute-run";

setupTestDatabase();

let workspaceId = "";
beforeAll(async () => {
  ({ workspaceId } = await completeSetup({
    name: "Ada",
    email: "ada@example.com",
    password: "correct-horse-1",
    workspaceName: "Acme",
  }));
});

let calls = 0;
const usage = { inputTokens: 100, outputTokens: 20, cachedTokens: 10 };
const llm: LlmPort = {
  async complete() {
    calls += 1;
    if (calls === 1) {
      throw new NodeError("overloaded", "rate_limited", {
        retryable: true,
        retryAfterMs: 1,
        details: { usage, costUsd: 0.0005 },
      });
    }
    return { text: "positive", usage, costUsd: 0.001, provider: "fake", model: "m", latencyMs: 1 };
  },
};
const unused = () => Promise.reject(new Error("unused"));
const ports: EnginePorts = {
  llm,
  http: { request: unused },
  secrets: { get: unused },
  prompts: { resolve: unused },
};

const node = (
  id: string,
  type: string,
  config: Record<string, unknown>,
  policy: Record<string, unknown> = {},
) => ({
  id,
  type,
  typeVersion: 1,
  label: id,
  config,
  policy,
  position: { x: 0, y: 0 },
});
const graph = {
  nodes: [
    node("in", "input", {}),
    node(
      "ask",
      "llm",
      {
        prompt: { kind: "inline", template: "{{ input.text }}" },
        model: { connection: "simulated", model: "sim-small" },
      },
      { retries: 2, backoffMs: 0 },
    ),
    node("check", "condition", { expression: 'input == "positive"' }),
    node("yes", "template", { template: "yes: {{ input }}" }),
    node("no", "template", { template: "no: {{ input }}" }),
    node("join", "merge", { mode: "first" }),
    node("out", "output", {}),
  ],
  edges: [
    { id: "e1", source: "in", sourcePort: "out", target: "ask", targetPort: "in" },
    { id: "e2", source: "ask", sourcePort: "out", target: "check", targetPort: "in" },
    { id: "e3", source: "check", sourcePort: "true", target: "yes", targetPort: "in" },
    { id: "e4", source: "check", sourcePort: "false", target: "no", targetPort: "in" },
    { id: "e5", source: "yes", sourcePort: "out", target: "join", targetPort: "in" },
    { id: "e6", source: "no", sourcePort: "out", target: "join", targetPort: "in" },
    { id: "e7", source: "join", sourcePort: "out", target: "out", targetPort: "in" },
  ],
};

describe("run persistence", () => {
  it("appends one node run per attempt (failed and skipped included) and sums cost in SQL", async () => {
    const flow = await createFlow(workspaceId, { name: "persist", graph });
    const { id } = await createRun({
      workspaceId,
      flowId: flow.id,
      graphSnapshot: graph,
      trigger: "api",
      input: { text: "hi" },
    });
    await executeRun(id, { ports });

    const run = (await loadRun(id))!;
    expect(run).toMatchObject({ status: "succeeded", output: "yes: positive" });
    const attempts = await listAttempts(id);
    const ask = attempts.filter((a) => a.nodeId === "ask");
    expect(ask.map((a) => [a.attempt, a.status, a.final])).toEqual([
      [1, "failed", false],
      [2, "succeeded", true],
    ]);
    expect(ask.map((a) => a.idempotencyKey)).toEqual([`${id}:ask:1`, `${id}:ask:2`]);
    expect(Number(ask[0]!.costUsd)).toBeCloseTo(0.0005, 8);
    expect(ask[1]!.renderedPrompt).toContain("hi");
    expect(attempts.find((a) => a.nodeId === "no")?.status).toBe("skipped");
    expect(new Set(attempts.map((a) => a.nodeId))).toEqual(new Set(graph.nodes.map((n) => n.id)));

    expect(Number(run.costUsd)).toBeCloseTo(0.0015, 8);
    expect(run.tokensIn).toBe(200);
    expect(run.tokensCached).toBe(20);

    const events = await listRunEvents(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["node.retrying", "node.skipped", "run.succeeded", "run.persisted"]),
    );
    expect(await lastRunEventSeq(id)).toBe(events.length);
  });

  it("does not execute a finished run again", async () => {
    const flow = await createFlow(workspaceId, { name: "again", graph });
    const { id } = await createRun({
      workspaceId,
      flowId: flow.id,
      graphSnapshot: graph,
      trigger: "api",
      input: { text: "x" },
    });
    await executeRun(id, { ports });
    const before = (await listAttempts(id)).length;
    await executeRun(id, { ports });
    expect((await listAttempts(id)).length).toBe(before);
  });

  it("adds each settled node run to the cost rollups exactly once", async () => {
    const flow = await createFlow(workspaceId, { name: "rollup", graph });
    const { id } = await createRun({
      workspaceId,
      flowId: flow.id,
      graphSnapshot: graph,
      trigger: "api",
      input: { text: "a" },
    });
    calls = 0;
    await executeRun(id, { ports });
    expect(await rollUpNodeRuns(id)).toBe(0);
    await setRunStatus(id, "succeeded");

    const rows = await getDb().nodeRunRollup.findMany({ where: { flowId: flow.id } });
    const sum = (pick: (r: (typeof rows)[number]) => number) =>
      rows.reduce((total, r) => total + pick(r), 0);
    const attempts = await listAttempts(id);
    expect(sum((r) => r.attempts)).toBe(attempts.length);
    expect(sum((r) => Number(r.costUsd))).toBeCloseTo(0.0015, 8);
    expect(sum((r) => Number(r.tokensIn))).toBe(200);
    expect(sum((r) => r.failed)).toBe(1);
    expect(sum((r) => r.attempts - r.executed)).toBe(1);
    const ask = rows.filter((r) => r.nodeId === "ask");
    expect(ask.map((r) => [r.provider, r.model])).toContainEqual(["fake", "m"]);
    expect(attempts.every((a) => a.rolledUp)).toBe(true);
  });

  it("settles a run with its last records in one statement, totals counting them", async () => {
    const flow = await createFlow(workspaceId, { name: "settle", graph });
    const lease = { owner: "test", token: "t-1", ms: 60_000 };
    const { id } = await createRun({
      workspaceId,
      flowId: flow.id,
      graphSnapshot: graph,
      trigger: "api",
      input: {},
      lease,
    });
    const key = (nodeId: string) => ({
      workspaceId,
      runId: id,
      nodeId,
      nodeType: "llm",
      attempt: 1,
    });
    const batch = (
      attempts: RunRecordBatch["attempts"],
      events: RunRecordBatch["events"] = [],
    ) => ({
      workspaceId,
      runId: id,
      attempts,
      events,
      humanTasks: [],
    });
    const done = { status: "succeeded" as const, tokensIn: 10, tokensOut: 2, costUsd: 0.25 };
    await writeRunRecords(
      batch([
        { key: key("a"), started: true, outcome: done },
        { key: key("b"), started: true },
      ]),
    );
    const pending = batch(
      [{ key: key("b"), started: false, outcome: { ...done, tokensIn: 5 } }],
      [{ seq: 1, type: "run.persisted", data: { status: "succeeded" } }],
    );
    expect(await finishRun(id, "wrong-token", { status: "succeeded" }, batch([]))).toBeNull();
    const settled = await finishRun(id, lease.token, { status: "succeeded", output: 1 }, pending);
    expect(settled).toMatchObject({ status: "succeeded", tokensIn: 15, costUsd: "0.5", output: 1 });
    expect((await listAttempts(id)).map((a) => [a.nodeId, a.status])).toEqual([
      ["a", "succeeded"],
      ["b", "succeeded"],
    ]);
    expect((await listRunEvents(id, 0)).map((e) => e.type)).toEqual(["run.persisted"]);
    expect(await loadRun(id)).toMatchObject({ status: "succeeded", tokensIn: 15, costUsd: "0.5" });
  });
});
