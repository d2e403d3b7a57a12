import { beforeAll, describe, expect, it, vi } from "vitest";
import { NodeError, type EnginePorts, type FlowGraph } from "@/lib/engine";
import { getDb } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { setupAdminContext } from "@/test/admin-context";
import { setupTestDatabase } from "@/test/database";
import { startRun } from "../runs/run-service";
import type { WorkspaceContext } from "../workspace-context";
import { dataSettingsOf, setDataSettings } from "./data-settings";
import { purgeExpiredRunContent } from "./purge";
import { testNode as node } from "@/test/graph";

/** The model echoes its prompt (so PII flows through), and fails when asked to. */
const { prompts, ports, session } = vi.hoisted(() => {
  const prompts: string[] = [];
  const unused = () => Promise.reject(new Error("unused"));
  const ports = {
    llm: {
      async complete(request: { messages: { content: string }[] }) {
        const prompt = request.messages.at(-1)!.content;
        prompts.push(prompt);
        return {
          text: `echo(${prompt})`,
          usage: { inputTokens: 10, outputTokens: 5, cachedTokens: 0 },
          costUsd: 0.25,
          provider: "fake",
          model: "m",
          latencyMs: 3,
        };
      },
    },
    http: { request: unused },
    secrets: { get: unused },
    prompts: { resolve: unused },
  };
  return { prompts, ports: ports as unknown as EnginePorts, session: { user: null as unknown } };
});
vi.mock("../runs/run-ports", () => ({ portsForRun: () => ports }));
vi.mock("../session", () => ({ currentUser: async () => session.user }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

setupTestDatabase();

const graph: FlowGraph = {
  nodes: [
    node("in", "input"),
    node("ask", "llm", {
      prompt: { kind: "inline", template: "Reply to {{ input.text }}" },
      model: { connection: "simulated", model: "sim-small" },
    }),
    node("out", "output"),
  ],
  edges: [
    { id: "e1", source: "in", sourcePort: "out", target: "ask", targetPort: "in" },
    { id: "e2", source: "ask", sourcePort: "out", target: "out", targetPort: "in" },
  ],
};
const EMAIL = "ada@example.com";

let ctx: WorkspaceContext;
let other: WorkspaceContext;
const flows = new Map<string, string>();

async function run(where: WorkspaceContext, text = `mail ${EMAIL}`): Promise<string> {
  const flowId = flows.get(where.workspace.id)!;
  const { run } = await startRun(where, flowId, { input: { text }, waitMs: 10_000 }, "api");
  expect(run.status).toBe("succeeded");
  return run.id;
}

/** Everything stored about a run, as one JSON string. */
async function storedContent(runId: string): Promise<string> {
  const db = getDb();
  const [runRow, nodeRuns, events] = await Promise.all([
    db.run.findUniqueOrThrow({
      where: { id: runId },
      select: { input: true, output: true, error: true },
    }),
    db.nodeRun.findMany({
      where: { runId },
      select: { renderedPrompt: true, input: true, output: true, error: true },
    }),
    db.runEvent.findMany({ where: { runId }, select: { data: true } }),
  ]);
  return JSON.stringify({ runRow, nodeRuns, events });
}

async function ageRun(runId: string, days: number): Promise<void> {
  await getDb().run.update({
    where: { id: runId },
    data: { createdAt: new Date(Date.now() - days * 86_400_000) },
  });
}

beforeAll(async () => {
  const admin = await setupAdminContext();
  ctx = admin.ctx;
  other = await admin.inNewWorkspace("Elsewhere");
  session.user = ctx.user;
  for (const where of [ctx, other]) {
    flows.set(
      where.workspace.id,
      (await createFlow(where.workspace.id, { name: "Echo", graph })).id,
    );
  }
});

describe("PII masking", () => {
  it("stores runs as they are without the setting", async () => {
    const runId = await run(ctx);
    const stored = await storedContent(runId);
    expect(stored).toContain(EMAIL);
    expect(stored).not.toContain("[EMAIL]");
  });

  it("masks PII in everything a run stores; the engine still sees the real values", async () => {
    await setDataSettings(ctx, { retentionDays: null, maskPii: true });
    prompts.length = 0;
    const runId = await run(ctx);
    expect(prompts).toEqual([`Reply to mail ${EMAIL}`]);
    const stored = await storedContent(runId);
    expect(stored).not.toContain(EMAIL);
    const row = await getDb().run.findUniqueOrThrow({ where: { id: runId } });
    expect(row.input).toEqual({ text: "mail [EMAIL]" });
    expect(JSON.stringify(row.output)).toContain("echo(Reply to mail [EMAIL])");
    const ask = await getDb().nodeRun.findFirstOrThrow({ where: { runId, nodeId: "ask" } });
    expect(ask.renderedPrompt).toBe("Reply to mail [EMAIL]");
    expect(JSON.stringify(ask.input)).toContain("[EMAIL]");
    const events = await getDb().runEvent.findMany({ where: { runId } });
    expect(events.some((e) => JSON.stringify(e.data).includes("[EMAIL]"))).toBe(true);
    // Another workspace's setting is its own.
    expect(await storedContent(await run(other))).toContain(EMAIL);
    await setDataSettings(ctx, { retentionDays: null, maskPii: false });
  });

  it("masks a failed run's error", async () => {
    await setDataSettings(ctx, { retentionDays: null, maskPii: true });
    const complete = vi
      .spyOn(ports.llm, "complete")
      .mockRejectedValueOnce(
        new NodeError(`quota exceeded for ${EMAIL}`, "bad_request", { retryable: false }),
      );
    const { run: failed } = await startRun(
      ctx,
      flows.get(ctx.workspace.id)!,
      { input: { text: "hi" }, waitMs: 10_000 },
      "api",
    );
    complete.mockRestore();
    expect(failed.status).toBe("failed");
    const stored = await storedContent(failed.id);
    expect(stored).not.toContain(EMAIL);
    expect(stored).toContain("quota exceeded for [EMAIL]");
    await setDataSettings(ctx, { retentionDays: null, maskPii: false });
  });
});

describe("retention", () => {
  it("purges old runs' content and keeps costs, rollups, recent runs and other workspaces", async () => {
    const old = await run(ctx);
    const recent = await run(ctx);
    const othersOld = await run(other);
    await ageRun(old, 40);
    await ageRun(recent, 10);
    await ageRun(othersOld, 400);
    await getDb().nodeRun.updateMany({
      where: { runId: old, nodeId: "ask" },
      data: { error: { code: "timeout", message: `late for ${EMAIL}`, details: { to: EMAIL } } },
    });
    const task = (nodeId: string, status: "open" | "approved") =>
      getDb().humanTask.create({
        data: {
          workspaceId: ctx.workspace.id,
          runId: old,
          nodeId,
          status,
          payload: { draft: `to ${EMAIL}` },
          decision: status === "open" ? undefined : { action: "approve", comment: EMAIL },
        },
      });
    const [decided, open] = [await task("ask", "approved"), await task("out", "open")];
    await setDataSettings(ctx, { retentionDays: 30, maskPii: false });
    const costs = () =>
      getDb().run.findMany({
        where: { id: { in: [old, recent] } },
        select: { id: true, costUsd: true, tokensIn: true, latencyMs: true, status: true },
        orderBy: { id: "asc" },
      });
    const rollups = () =>
      getDb().nodeRunRollup.findMany({
        where: { workspaceId: ctx.workspace.id },
        orderBy: [{ nodeId: "asc" }, { latencyBucket: "asc" }],
      });
    const [costsBefore, rollupsBefore] = await Promise.all([costs(), rollups()]);

    expect(await purgeExpiredRunContent(new Date())).toBe(1);
    expect(await purgeExpiredRunContent(new Date())).toBe(0);

    const row = await getDb().run.findUniqueOrThrow({ where: { id: old } });
    expect(row).toMatchObject({ input: null, output: null, error: null });
    expect(row.contentPurgedAt).toBeInstanceOf(Date);
    const nodes = await getDb().nodeRun.findMany({ where: { runId: old } });
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect([n.renderedPrompt, n.input, n.output]).toEqual([null, null, null]);
    }
    expect(nodes.find((n) => n.nodeId === "ask")!.error).toEqual({ code: "timeout" });
    expect(await getDb().runEvent.count({ where: { runId: old } })).toBe(0);
    const tasks = await getDb().humanTask.findMany({ where: { runId: old } });
    expect(tasks.find((t) => t.id === decided.id)).toMatchObject({
      payload: null,
      decision: { action: "approve" },
    });
    expect(tasks.find((t) => t.id === open.id)!.payload).toEqual({ draft: `to ${EMAIL}` });
    expect(await costs()).toEqual(costsBefore);
    expect(await rollups()).toEqual(rollupsBefore);

    expect(await storedContent(recent)).toContain(EMAIL);
    expect(await storedContent(othersOld)).toContain(EMAIL);
    const kept = await getDb().run.findUniqueOrThrow({ where: { id: recent } });
    expect(kept.contentPurgedAt).toBeNull();
  });
});

describe("data settings routes", () => {
  async function call(method: "GET" | "PUT", body?: unknown) {
    const { GET, PUT } = await import("@/app/api/workspaces/active/data-settings/route");
    return (method === "GET" ? GET : PUT)(
      new Request("http://localhost/api/workspaces/active/data-settings", {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  }

  it("validates and stores the settings, audited", async () => {
    for (const body of [
      { retentionDays: 0, maskPii: false },
      { retentionDays: 3651, maskPii: false },
      { retentionDays: 1.5, maskPii: false },
      { retentionDays: "30", maskPii: false },
      { retentionDays: 30 },
      { maskPii: true },
    ]) {
      expect((await call("PUT", body)).status, JSON.stringify(body)).toBe(400);
    }
    const put = await call("PUT", { retentionDays: 90, maskPii: true });
    expect(await put.json()).toEqual({ retentionDays: 90, maskPii: true });
    expect(await (await call("GET")).json()).toEqual({ retentionDays: 90, maskPii: true });
    expect(await dataSettingsOf(other)).toEqual({ retentionDays: null, maskPii: false });
    const audits = await getDb().auditEvent.findMany({
      where: { workspaceId: ctx.workspace.id, action: "workspace.data_settings_updated" },
    });
    expect(audits.at(-1)).toMatchObject({
      before: { retentionDays: 30, maskPii: false },
      after: { retentionDays: 90, maskPii: true },
    });
  });
});
