import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createFlowSchema } from "@/lib/schemas/flows";
import { setupTestDatabase } from "@/test/database";
import { setupAdminContext, unknownNodeGraph } from "@/test/admin-context";
import {
  addFlow,
  duplicateFlow,
  editFlow,
  exportFlow,
  flowDetail,
  flowsOf,
  removeFlow,
} from "./flows";
import { saveVersion } from "./flow-versions";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

let acme: WorkspaceContext;
let contextFor: (name: string) => Promise<WorkspaceContext>;

beforeAll(async () => {
  const admin = await setupAdminContext();
  acme = admin.ctx;
  contextFor = admin.inNewWorkspace;
});

const create = (ctx: WorkspaceContext, body: Record<string, unknown>) =>
  addFlow(ctx, createFlowSchema.parse(body));

describe("flow drafts", () => {
  it("creates a flow with a valid default graph, reads and lists it", async () => {
    const ctx = await contextFor("Create");
    const flow = await create(ctx, { name: "  Support bot  ", description: "Answers" });
    expect(flow).toMatchObject({ name: "Support bot", description: "Answers", revision: 1 });
    expect(flow.graph.nodes.map((n) => n.type)).toEqual(["input", "output"]);
    const detail = await flowDetail(ctx, flow.id);
    expect(detail.flow).toEqual(flow);
    expect(detail.issues).toEqual([]);
    expect((await flowsOf(ctx)).map((f) => f.id)).toEqual([flow.id]);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: flow.id, action: "flow.created" },
    });
    expect(audit.after).toEqual({ name: "Support bot", revision: 1 });
  });

  it("searches names case-insensitively and sorts by name or by last update", async () => {
    const ctx = await contextFor("Search");
    for (const name of ["Gamma triage", "Alpha router", "Beta TRIAGE", "Literal 100%_x", "delta"])
      await create(ctx, { name });
    const names = async (q?: string, sort?: "name" | "updated") =>
      (await flowsOf(ctx, { q, sort })).map((f) => f.name);
    expect(await names("triage", "name")).toEqual(["Beta TRIAGE", "Gamma triage"]);
    expect(await names(undefined, "name")).toEqual([
      "Alpha router",
      "Beta TRIAGE",
      "delta",
      "Gamma triage",
      "Literal 100%_x",
    ]);
    expect(await names("%_")).toEqual(["Literal 100%_x"]);
    expect(await names("nothing like it")).toEqual([]);
    const gamma = (await flowsOf(ctx, { q: "gamma" }))[0]!;
    await editFlow(ctx, gamma.id, { description: "touched", revision: gamma.revision });
    expect((await names(undefined, "updated"))[0]).toBe("Gamma triage");
  });

  it("refuses a malformed graph at the schema and keeps unknown node types as issues", async () => {
    const bad = createFlowSchema.safeParse({ name: "x", graph: { nodes: [{ id: "a" }] } });
    expect(bad.success).toBe(false);
    expect(createFlowSchema.safeParse({ name: "   " }).success).toBe(false);
    expect(createFlowSchema.safeParse({ name: "n".repeat(121) }).success).toBe(false);
    const ctx = await contextFor("Unknown types");
    const flow = await create(ctx, { name: "Draft", graph: unknownNodeGraph });
    const { issues } = await flowDetail(ctx, flow.id);
    expect(issues).toContainEqual(
      expect.objectContaining({ nodeId: "magic", code: "unknown_node_type", severity: "error" }),
    );
  });

  it("applies one of two PATCHes made at the same revision and answers 409 to the other", async () => {
    const ctx = await contextFor("Concurrency");
    const flow = await create(ctx, { name: "Original" });
    const results = await Promise.allSettled([
      editFlow(ctx, flow.id, { name: "First", revision: 1 }),
      editFlow(ctx, flow.id, { name: "Second", description: "loser?", revision: 1 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({
      status: 409,
      code: "conflict",
      details: { currentRevision: 2 },
    });
    const winner = won[0]!.value.flow;
    const stored = (await flowDetail(ctx, flow.id)).flow;
    expect(stored).toMatchObject({ name: winner.name, description: winner.description });
    expect(stored.revision).toBe(2);
    await expect(editFlow(ctx, flow.id, { name: "Stale", revision: 1 })).rejects.toMatchObject({
      status: 409,
    });
    expect((await flowDetail(ctx, flow.id)).flow.name).toBe(winner.name);
    const audits = await getDb().auditEvent.findMany({
      where: { targetId: flow.id, action: "flow.updated" },
    });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [
        { name: "Original", revision: 1 },
        { name: winner.name, revision: 2 },
      ],
    ]);
  });

  it("replaces the graph on PATCH and reports its issues", async () => {
    const ctx = await contextFor("Patch graph");
    const flow = await create(ctx, { name: "Graph" });
    const graph = { nodes: flow.graph.nodes, edges: [] };
    const { flow: updated, issues } = await editFlow(ctx, flow.id, { graph, revision: 1 });
    expect(updated.graph.edges).toEqual([]);
    expect(updated.revision).toBe(2);
    expect(issues.map((i) => i.code)).toContain("unconnected_input");
  });

  it("deletes a flow with its versions and runs, unless an endpoint publishes it", async () => {
    const ctx = await contextFor("Delete");
    const flow = await create(ctx, { name: "Doomed" });
    const version = await saveVersion(ctx, flow.id, { message: "v1", revision: 1 });
    const db = getDb();
    await db.run.create({
      data: {
        workspaceId: ctx.workspace.id,
        flowId: flow.id,
        flowVersionId: version.id,
        trigger: "editor",
        input: {},
      },
    });
    const endpoint = await db.endpoint.create({
      data: {
        workspaceId: ctx.workspace.id,
        slug: "doomed",
        flowId: flow.id,
        flowVersionId: version.id,
      },
    });
    await expect(removeFlow(ctx, flow.id)).rejects.toMatchObject({ status: 409 });
    expect(await db.flow.count({ where: { id: flow.id } })).toBe(1);
    await db.endpoint.delete({ where: { id: endpoint.id } });
    await removeFlow(ctx, flow.id);
    expect(await db.flow.count({ where: { id: flow.id } })).toBe(0);
    expect(await db.flowVersion.count({ where: { flowId: flow.id } })).toBe(0);
    expect(await db.run.count({ where: { flowId: flow.id } })).toBe(0);
    await expect(removeFlow(ctx, flow.id)).rejects.toMatchObject({ status: 404 });
  });

  it("duplicates a flow as '<name> (copy)', within the name limit", async () => {
    const ctx = await contextFor("Duplicate");
    const flow = await create(ctx, { name: "Router", description: "d", graph: unknownNodeGraph });
    const copy = await duplicateFlow(ctx, flow.id);
    expect(copy).toMatchObject({ name: "Router (copy)", description: "d", revision: 1 });
    expect(copy.id).not.toBe(flow.id);
    expect(copy.graph).toEqual(flow.graph);
    const long = await create(ctx, { name: "L".repeat(120) });
    const longCopy = await duplicateFlow(ctx, long.id);
    expect(longCopy.name).toHaveLength(120);
    expect(longCopy.name.endsWith(" (copy)")).toBe(true);
  });
});

describe("workspace isolation", () => {
  it("answers 404 for a flow of another workspace on every flow route", async () => {
    const other = await contextFor("Elsewhere");
    const flow = await create(acme, { name: "Private" });
    const attempts: (() => Promise<unknown>)[] = [
      () => flowDetail(other, flow.id),
      () => editFlow(other, flow.id, { name: "Hijacked", revision: 1 }),
      () => removeFlow(other, flow.id),
      () => duplicateFlow(other, flow.id),
      () => exportFlow(other, flow.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ status: 404 });
    expect((await flowDetail(acme, flow.id)).flow).toMatchObject({ name: "Private", revision: 1 });
  });
});
