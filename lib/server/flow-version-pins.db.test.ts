import { beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/engine";
import { setupAdminContext } from "@/test/admin-context";
import { setupTestDatabase } from "@/test/database";
import { saveVersion, versionDetail } from "./flow-versions";
import { addFlow, editFlow, flowDetail, importFlow } from "./flows";
import { startRun } from "./runs/run-service";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

let ctx: WorkspaceContext;
beforeAll(async () => {
  ({ ctx } = await setupAdminContext());
});

const canned = { text: "canned" };

/** The graph with the Input node's output pinned. */
const pinInput = (graph: FlowGraph): FlowGraph => ({
  ...graph,
  nodes: graph.nodes.map((n) =>
    n.type === "input" ? { ...n, pin: { outputs: { out: canned } } } : n,
  ),
});

describe("pinned outputs and versions", () => {
  it("saves versions without pins while the draft keeps them, so only draft runs use them", async () => {
    const flow = await addFlow(ctx, { name: "Pinned", description: "" });
    const { flow: draft } = await editFlow(ctx, flow.id, {
      graph: pinInput(flow.graph),
      revision: 1,
    });
    expect(draft.graph.nodes.some((n) => n.pin)).toBe(true);

    const v1 = await saveVersion(ctx, flow.id, { message: "no pins", revision: draft.revision });
    const version = await versionDetail(ctx, flow.id, v1.id);
    expect(JSON.stringify(version.graph)).not.toContain('"pin"');
    expect(version.graph).toEqual(flow.graph);
    expect((await flowDetail(ctx, flow.id)).flow.graph).toEqual(draft.graph);

    const input = { text: "live" };
    const fromDraft = await startRun(ctx, flow.id, { input, waitMs: 20_000 });
    expect(fromDraft.run).toMatchObject({ status: "succeeded", output: canned });
    const fromVersion = await startRun(ctx, flow.id, { input, versionId: v1.id, waitMs: 20_000 });
    expect(fromVersion.run).toMatchObject({ status: "succeeded", output: input });
  });

  it("keeps a draft's pins on import", async () => {
    const flow = await addFlow(ctx, { name: "Source", description: "" });
    const graph = pinInput(flow.graph);
    const imported = await importFlow(ctx, {
      format: "trellis.flow",
      version: 1,
      name: "Copy",
      graph,
    });
    expect(imported.flow.graph).toEqual(graph);
    expect(imported.issues).toEqual([]);
  });
});
