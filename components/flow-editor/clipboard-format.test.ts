import { describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/engine";
import { parseFragment, serializeFragment } from "./clipboard-format";

const node = (id: string, type = "template") => ({
  id,
  type,
  typeVersion: 1,
  label: id,
  config: {},
  policy: {},
  position: { x: 0, y: 0 },
});

const graph: FlowGraph = {
  nodes: [node("a"), node("b"), node("c")],
  edges: [
    { id: "e1", source: "a", sourcePort: "out", target: "b", targetPort: "in" },
    { id: "e2", source: "b", sourcePort: "out", target: "c", targetPort: "in" },
  ],
};

describe("clipboard fragments", () => {
  it("round-trips the selected nodes with only the edges between them", () => {
    const pasted = parseFragment(serializeFragment(graph, new Set(["a", "b"])));
    expect(pasted?.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(pasted?.edges.map((e) => e.id)).toEqual(["e1"]);
  });

  it("accepts an exported flow document and drops edges that leave it", () => {
    const document = {
      format: "trellis.flow",
      version: 1,
      name: "From another workspace",
      graph: { nodes: [node("x", "unknown-type")], edges: [graph.edges[0]] },
    };
    const pasted = parseFragment(JSON.stringify(document));
    expect(pasted?.nodes.map((n) => n.type)).toEqual(["unknown-type"]);
    expect(pasted?.edges).toEqual([]);
  });

  it("ignores text that is not nodes: prose, malformed JSON, wrong shapes, huge text", () => {
    expect(parseFragment("hello")).toBeNull();
    expect(parseFragment('{"format":"trellis.nodes"')).toBeNull();
    expect(
      parseFragment('{"format":"trellis.nodes","version":1,"nodes":[],"edges":[]}'),
    ).toBeNull();
    expect(parseFragment(JSON.stringify({ nodes: [node("a")], edges: [] }))).toBeNull();
    const bad = { format: "trellis.nodes", version: 1, nodes: [{ ...node("a"), id: "<script>" }] };
    expect(parseFragment(JSON.stringify({ ...bad, edges: [] }))).toBeNull();
    expect(parseFragment(`{${" ".repeat(2_000_001)}}`)).toBeNull();
  });
});
