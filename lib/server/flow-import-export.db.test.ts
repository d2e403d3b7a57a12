import { beforeAll, describe, expect, it } from "vitest";
import { flowDocumentSchema } from "@/lib/schemas/flows";
import { setupTestDatabase } from "@/test/database";
import { setupAdminContext, unknownNodeGraph } from "@/test/admin-context";
import { exportFlow, flowDetail, flowsOf, importFlow } from "./flows";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

let acme: WorkspaceContext;
let contextFor: (name: string) => Promise<WorkspaceContext>;

beforeAll(async () => {
  const admin = await setupAdminContext();
  acme = admin.ctx;
  contextFor = admin.inNewWorkspace;
});

describe("export and import", () => {
  it("round-trips a flow: the imported graph equals the exported one", async () => {
    const ctx = await contextFor("Round trip");
    const flow = (await flowsOf(acme, { q: "ticket triage" }))[0]!;
    const { fileName, document } = await exportFlow(acme, flow.id);
    expect(fileName).toBe("ticket-triage-example.trellis.json");
    expect(document).toMatchObject({ format: "trellis.flow", version: 1, name: flow.name });
    const wire = JSON.parse(JSON.stringify(document));
    const imported = await importFlow(ctx, wire);
    expect(imported.flow.graph).toEqual((await flowDetail(acme, flow.id)).flow.graph);
    expect(imported.flow).toMatchObject({ name: document.name, description: document.description });
    expect(imported.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("refuses a wrong format, extra keys or a malformed graph with 400", async () => {
    const ctx = await contextFor("Bad imports");
    const valid = {
      format: "trellis.flow",
      version: 1,
      name: "x",
      graph: { nodes: [], edges: [] },
    };
    for (const raw of [
      "not an object",
      { ...valid, format: "n8n" },
      { ...valid, version: 2 },
      { ...valid, extra: true },
      { ...valid, graph: { nodes: [{ id: "a b" }], edges: [] } },
      { ...valid, name: "" },
    ]) {
      await expect(importFlow(ctx, raw)).rejects.toMatchObject({
        status: 400,
        code: "validation_failed",
      });
    }
    expect(await flowsOf(ctx)).toEqual([]);
  });

  it("imports unknown node types as a draft with issues", async () => {
    const ctx = await contextFor("Unknown import");
    const doc = { format: "trellis.flow", version: 1, name: "Alien", graph: unknownNodeGraph };
    const { flow, issues } = await importFlow(ctx, doc);
    expect(flow.graph).toEqual(flowDocumentSchema.parse(doc).graph);
    expect(issues).toContainEqual(expect.objectContaining({ code: "unknown_node_type" }));
  });
});
