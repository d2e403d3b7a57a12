import { describe, expect, it } from "vitest";
import { validateFlow } from "@/lib/engine";
import { nodeRegistry } from "@/lib/nodes";
import { flowDocumentSchema, IMPORT_BODY_LIMIT, listFlowsQuerySchema } from "@/lib/schemas/flows";
import { defaultFlowGraph } from "./flows";
import { readJsonBody } from "./request-body";

const jsonRequest = (body: string) =>
  new Request("http://localhost/api/flows/import", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

function documentOfSize(bytes: number): string {
  const doc = {
    format: "trellis.flow",
    version: 1,
    name: "Big",
    description: "",
    graph: defaultFlowGraph(),
  };
  const base = JSON.stringify(doc).length;
  doc.graph.nodes[0]!.config.padding = "x".repeat(bytes - base - 14);
  return JSON.stringify(doc);
}

describe("flow import limits and format", () => {
  it("takes a 1.5 MB document and refuses a 10 MB one with 413", async () => {
    const ok = documentOfSize(1_500_000);
    const parsed = await readJsonBody(jsonRequest(ok), IMPORT_BODY_LIMIT);
    expect(flowDocumentSchema.parse(parsed).name).toBe("Big");
    const huge = documentOfSize(10_000_000);
    await expect(readJsonBody(jsonRequest(huge), IMPORT_BODY_LIMIT)).rejects.toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
  });

  it("answers malformed JSON with 400", async () => {
    await expect(
      readJsonBody(jsonRequest('{"format": "trellis.flow",'), IMPORT_BODY_LIMIT),
    ).rejects.toMatchObject({ status: 400, code: "bad_request" });
  });

  it("limits the search text to 200 characters and the sort to known orders", () => {
    expect(listFlowsQuerySchema.parse({ q: "  triage " })).toEqual({
      q: "triage",
      sort: "updated",
    });
    expect(listFlowsQuerySchema.safeParse({ q: "q".repeat(201) }).success).toBe(false);
    expect(listFlowsQuerySchema.safeParse({ sort: "created" }).success).toBe(false);
  });
});

describe("defaultFlowGraph", () => {
  it("is a valid flow: an Input wired to an Output", () => {
    const graph = defaultFlowGraph();
    expect(graph.nodes.map((n) => n.type)).toEqual(["input", "output"]);
    expect(validateFlow(graph, nodeRegistry)).toEqual([]);
  });
});
