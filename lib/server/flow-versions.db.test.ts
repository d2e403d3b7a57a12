import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { FlowGraph } from "@/lib/engine";
import { setupTestDatabase } from "@/test/database";
import { setupAdminContext } from "@/test/admin-context";
import { diffFlow, restoreVersion, saveVersion, versionDetail, versionsOf } from "./flow-versions";
import { addFlow, editFlow, flowDetail } from "./flows";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

let ctx: WorkspaceContext;
let other: WorkspaceContext;

beforeAll(async () => {
  const admin = await setupAdminContext();
  ctx = admin.ctx;
  other = await admin.inNewWorkspace("Elsewhere");
});

const newFlow = (name: string) => addFlow(ctx, { name, description: "" });

/** The draft's graph with the Output node picking a field. */
function withPick(graph: FlowGraph, pick: string): FlowGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.type === "output" ? { ...n, config: { pick } } : n)),
  };
}

describe("flow versions", () => {
  it("numbers concurrent saves 1..5 without duplicates", async () => {
    const flow = await newFlow("Concurrent");
    const saved = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => saveVersion(ctx, flow.id, { message: `save ${i}`, revision: 1 })),
    );
    expect(saved.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
    const listed = await versionsOf(ctx, flow.id);
    expect(listed.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(listed[0]).toMatchObject({ authorId: ctx.user.id, authorName: "Ada" });
    expect(new Set(listed.map((v) => v.message)).size).toBe(5);
  });

  it("snapshots the draft immutably: later edits do not change a saved version", async () => {
    const flow = await newFlow("Snapshot");
    const v1 = await saveVersion(ctx, flow.id, { message: "first", revision: 1 });
    await editFlow(ctx, flow.id, { graph: withPick(flow.graph, "answer"), revision: 1 });
    const detail = await versionDetail(ctx, flow.id, v1.id);
    expect(detail).toMatchObject({ version: 1, message: "first", authorName: "Ada" });
    expect(detail.graph).toEqual(flow.graph);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: flow.id, action: "flow.version_saved" },
    });
    expect(audit.after).toEqual({ name: "Snapshot", revision: 1, version: 1 });
  });

  it("refuses to save while validation errors remain, and on a stale revision", async () => {
    const flow = await newFlow("Broken");
    const { flow: broken } = await editFlow(ctx, flow.id, {
      graph: { nodes: flow.graph.nodes, edges: [] },
      revision: 1,
    });
    const refused = saveVersion(ctx, flow.id, { message: "try", revision: broken.revision });
    await expect(refused).rejects.toMatchObject({
      status: 400,
      code: "validation_failed",
      details: { flowIssues: [expect.objectContaining({ code: "unconnected_input" })] },
    });
    await expect(
      saveVersion(ctx, flow.id, { message: "stale", revision: 1 }),
    ).rejects.toMatchObject({ status: 409, details: { currentRevision: 2 } });
    expect(await versionsOf(ctx, flow.id)).toEqual([]);
  });

  it("restores a version's graph into the draft under optimistic concurrency", async () => {
    const flow = await newFlow("Restore");
    const v1 = await saveVersion(ctx, flow.id, { message: "original", revision: 1 });
    const { flow: edited } = await editFlow(ctx, flow.id, {
      graph: withPick(flow.graph, "text"),
      revision: 1,
    });
    await expect(restoreVersion(ctx, flow.id, v1.id, { revision: 1 })).rejects.toMatchObject({
      status: 409,
      details: { currentRevision: 2 },
    });
    expect((await flowDetail(ctx, flow.id)).flow.graph).toEqual(edited.graph);
    const restored = await restoreVersion(ctx, flow.id, v1.id, { revision: edited.revision });
    expect(restored.flow.revision).toBe(3);
    expect(restored.flow.graph).toEqual(flow.graph);
    expect(restored.issues).toEqual([]);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: flow.id, action: "flow.version_restored" },
    });
    expect(audit.after).toEqual({ name: "Restore", revision: 3, version: 1 });
  });

  it("diffs a version against the draft and against another version", async () => {
    const flow = await newFlow("Diff");
    const v1 = await saveVersion(ctx, flow.id, { message: "one", revision: 1 });
    const { flow: edited } = await editFlow(ctx, flow.id, {
      graph: withPick(flow.graph, "answer"),
      revision: 1,
    });
    const toDraft = await diffFlow(ctx, flow.id, { from: v1.id, to: "draft" });
    expect(toDraft.nodes.changed).toEqual([
      { id: "output", label: "Output", fields: [{ path: "config.pick", after: "answer" }] },
    ]);
    const v2 = await saveVersion(ctx, flow.id, { message: "two", revision: edited.revision });
    const between = await diffFlow(ctx, flow.id, { from: v2.id, to: v1.id });
    expect(between.nodes.changed[0]!.fields).toEqual([{ path: "config.pick", before: "answer" }]);
    expect(await diffFlow(ctx, flow.id, { from: v2.id, to: "draft" })).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [] },
    });
    await expect(diffFlow(ctx, flow.id, { from: "missing", to: "draft" })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("workspace isolation", () => {
  it("answers 404 for a flow or version of another workspace on every version route", async () => {
    const flow = await newFlow("Private");
    const v1 = await saveVersion(ctx, flow.id, { message: "mine", revision: 1 });
    const foreign = await addFlow(other, { name: "Theirs", description: "" });
    const attempts: (() => Promise<unknown>)[] = [
      () => saveVersion(other, flow.id, { message: "steal", revision: 1 }),
      () => versionsOf(other, flow.id),
      () => versionDetail(other, flow.id, v1.id),
      () => restoreVersion(other, flow.id, v1.id, { revision: 1 }),
      () => diffFlow(other, flow.id, { from: v1.id, to: "draft" }),
      () => versionDetail(other, foreign.id, v1.id),
      () => restoreVersion(other, foreign.id, v1.id, { revision: 1 }),
      () => diffFlow(other, foreign.id, { from: v1.id, to: "draft" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ status: 404 });
    expect((await versionsOf(ctx, flow.id)).map((v) => v.version)).toEqual([1]);
    expect((await flowDetail(other, foreign.id)).flow.graph).toEqual(foreign.graph);
  });
});
