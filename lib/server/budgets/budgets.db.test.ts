import { beforeAll, describe, expect, it, vi } from "vitest";
import type { EnginePorts, FlowGraph } from "@/lib/engine";
import { getDb } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { rollUpNodeRuns } from "@/lib/db/rollups";
import { createRun } from "@/lib/db/runs";
import { setupAdminContext } from "@/test/admin-context";
import { expectApiError } from "@/test/api-error";
import { setupTestDatabase } from "@/test/database";
import { startRun } from "../runs/run-service";
import type { WorkspaceContext } from "../workspace-context";
import { assertWithinBudget, budgetsOf, removeBudget, setBudget } from "./budgets";
import { testNode as node } from "@/test/graph";

const { ports, session } = vi.hoisted(() => {
  const unused = () => Promise.reject(new Error("unused"));
  const ports = {
    llm: { complete: unused },
    http: { request: unused },
    secrets: { get: unused },
    prompts: { resolve: unused },
  };
  return { ports: ports as unknown as EnginePorts, session: { user: null as unknown } };
});
vi.mock("../runs/run-ports", () => ({ portsForRun: () => ports }));
vi.mock("../session", () => ({ currentUser: async () => session.user }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

setupTestDatabase();

const passThrough: FlowGraph = {
  nodes: [node("in", "input"), node("out", "output")],
  edges: [{ id: "e", source: "in", sourcePort: "out", target: "out", targetPort: "in" }],
};

let ctx: WorkspaceContext;
let other: WorkspaceContext;
let flowA = "";
let flowB = "";
let otherFlow = "";

/** Adds a node run costing `costUsd` to a new run of the flow (rolled up unless `pending`). */
async function spend(
  workspaceId: string,
  flowId: string,
  costUsd: string,
  opts: { status?: "succeeded" | "failed" | "running"; pending?: boolean; startedAt?: Date } = {},
) {
  const { id: runId } = await createRun({ workspaceId, flowId, trigger: "api", input: {} });
  await getDb().nodeRun.create({
    data: {
      workspaceId,
      runId,
      nodeId: "ask",
      nodeType: "llm",
      status: opts.status ?? "succeeded",
      idempotencyKey: `${runId}:ask:1`,
      costUsd,
      startedAt: opts.startedAt,
    },
  });
  if (!opts.pending) await rollUpNodeRuns(runId);
}

beforeAll(async () => {
  const admin = await setupAdminContext();
  ctx = admin.ctx;
  other = await admin.inNewWorkspace("Elsewhere");
  session.user = ctx.user;
  flowA = (await createFlow(ctx.workspace.id, { name: "Alpha", graph: passThrough })).id;
  flowB = (await createFlow(ctx.workspace.id, { name: "Beta", graph: passThrough })).id;
  otherFlow = (await createFlow(other.workspace.id, { name: "Theirs", graph: passThrough })).id;
  // Flow A: 3 rolled up (one of them a failed attempt) + 1 in flight, not rolled up yet.
  await spend(ctx.workspace.id, flowA, "1.5");
  await spend(ctx.workspace.id, flowA, "0.5", { status: "failed" });
  await spend(ctx.workspace.id, flowA, "1", { status: "running", pending: true });
  // Flow B: 2; last month's spend and another workspace's never count.
  await spend(ctx.workspace.id, flowB, "2");
  const lastMonth = new Date();
  lastMonth.setUTCDate(1);
  lastMonth.setUTCDate(0);
  await spend(ctx.workspace.id, flowB, "100", { startedAt: lastMonth });
  await spend(ctx.workspace.id, flowB, "100", { startedAt: lastMonth, pending: true });
  await spend(other.workspace.id, otherFlow, "50");
});

describe("budgets", () => {
  it("sums this month's spend per flow and for the workspace, failed and in-flight attempts included", async () => {
    await setBudget(ctx, { flowId: null, limitUsd: "10", hardLimit: false });
    await setBudget(ctx, { flowId: flowA, limitUsd: "3.5", hardLimit: false });
    await setBudget(ctx, { flowId: flowB, limitUsd: "1.5", hardLimit: false });
    const budgets = await budgetsOf(ctx);
    expect(budgets.workspace).toMatchObject({ spendUsd: "5.00000000", ratio: 0.5, state: "ok" });
    expect(budgets.flows.map((b) => [b.flowName, Number(b.spendUsd), b.state])).toEqual([
      ["Alpha", 3, "warning"],
      ["Beta", 2, "exceeded"],
    ]);
    expect((await budgetsOf(other)).workspace).toBeNull();
  });

  it("replaces a budget, audits it and deletes it", async () => {
    await setBudget(ctx, { flowId: flowB, limitUsd: "4", hardLimit: true });
    const flowB_ = (await budgetsOf(ctx)).flows.find((b) => b.flowId === flowB)!;
    expect(flowB_).toMatchObject({ limitUsd: "4.00000000", hardLimit: true, state: "ok" });
    const actions = await getDb().auditEvent.findMany({
      where: { workspaceId: ctx.workspace.id, targetType: "budget" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toContain("budget.updated");
    await removeBudget(ctx, flowB);
    expect((await budgetsOf(ctx)).flows).toHaveLength(1);
    await expectApiError(removeBudget(ctx, flowB), 404, "not_found");
  });

  it("answers 404 for another workspace's flow", async () => {
    await expectApiError(
      setBudget(ctx, { flowId: otherFlow, limitUsd: "1", hardLimit: true }),
      404,
      "not_found",
    );
    await expectApiError(removeBudget(ctx, otherFlow), 404, "not_found");
  });

  it("a hard limit refuses new runs with 402; a soft one does not", async () => {
    await setBudget(ctx, { flowId: flowA, limitUsd: "3", hardLimit: false });
    const soft = await startRun(ctx, flowA, { input: {}, waitMs: 5_000 }, "editor");
    expect(soft.run.status).toBe("succeeded");

    await setBudget(ctx, { flowId: flowA, limitUsd: "3", hardLimit: true });
    const runsOfA = () => getDb().run.count({ where: { flowId: flowA } });
    const before = await runsOfA();
    const error = await expectApiError(
      startRun(ctx, flowA, { input: {}, waitMs: 0 }, "editor"),
      402,
      "budget_exceeded",
    );
    expect(error.message).toContain("“Alpha” is used up: $3.00 spent of $3.00");
    expect(error.details).toMatchObject({ budget: { flowId: flowA, state: "exceeded" } });
    expect(await runsOfA()).toBe(before);
    // Flow B has no hard budget of its own, and the workspace's is soft.
    await expect(assertWithinBudget(ctx.workspace.id, flowB)).resolves.toBeUndefined();

    await setBudget(ctx, { flowId: null, limitUsd: "5", hardLimit: true });
    await expectApiError(assertWithinBudget(ctx.workspace.id, flowB), 402, "budget_exceeded");
    // Another workspace is not affected.
    await expect(assertWithinBudget(other.workspace.id, otherFlow)).resolves.toBeUndefined();
    await removeBudget(ctx, null);
    await removeBudget(ctx, flowA);
  });
});

describe("budget routes", () => {
  async function call(method: string, body?: unknown, query = "") {
    const { DELETE, GET, PUT } = await import("@/app/api/budgets/route");
    const handler = { DELETE, GET, PUT }[method]!;
    const request = new Request(`http://localhost/api/budgets${query}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return handler(request);
  }

  it("validates bodies (400 with field issues) and stores decimal strings", async () => {
    for (const body of [
      { limitUsd: 0, hardLimit: true },
      { limitUsd: "-1", hardLimit: true },
      { limitUsd: "12.123456789", hardLimit: true },
      { limitUsd: "ten", hardLimit: true },
      { limitUsd: 10 },
      { limitUsd: 10, hardLimit: "yes" },
      { limitUsd: 10, hardLimit: true, extra: 1 },
    ]) {
      const response = await call("PUT", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const json = (await response.json()) as { error: { code: string; details: unknown } };
      expect(json.error.code).toBe("validation_failed");
    }
    const ok = await call("PUT", { limitUsd: 12.5, hardLimit: false });
    expect(ok.status).toBe(200);
    const listed = (await (await call("GET")).json()) as { workspace: { limitUsd: string } };
    expect(listed.workspace.limitUsd).toBe("12.50000000");
    expect((await call("DELETE")).status).toBe(204);
    expect((await call("DELETE", undefined, "?flowId=nope")).status).toBe(404);
  });
});
