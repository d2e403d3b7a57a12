import { beforeAll, describe, expect, it } from "vitest";
import { findUserById } from "@/lib/db/users";
import { createWorkspace } from "@/lib/db/workspaces";
import { flowDocumentSchema } from "@/lib/schemas/flows";
import { setupTestDatabase } from "@/test/database";
import { exportFlow, flowDetail, flowsOf, importFlow } from "./flows";
import { completeSetup } from "./setup";
import type { WorkspaceContext } from "./workspace-context";

setupTestDatabase();

let acme: WorkspaceContext;
let contextFor: (name: string) => Promise<WorkspaceContext>;

beforeAll(async () => {
  const { userId, workspaceId } = await completeSetup({
    name: "Ada",
    email: "ada@example.com",
    password: "correct-horse-1",
    workspaceName: "Acme",
  });
  const user = (await findUserById(userId))!;
  acme = { user, workspace: { id: workspaceId, name: "Acme" }, roles: ["admin"], memberships: [] };
  contextFor = async (name) => ({ ...acme, workspace: await createWorkspace(name, userId) });
});

const unknownNodeGraph = {
  nodes: [
    { id: "in", type: "input", typeVersion: 1, config: {} },
    { id: "magic", type: "teleporter", typeVersion: 1, config: { to: "mars" } },
    { id: "out", type: "output", typeVersion: 1 },
  ],
  edges: [
    { id: "e1", source: "in", sourcePort: "out", target: "magic", targetPort: "in" },
    { id: "e2", source: "magic", sourcePort: "out", target: "out", targetPort: "in" },
  ],
};

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
