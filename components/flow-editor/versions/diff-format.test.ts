import { describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/engine";
import type { FlowDiff } from "@/lib/schemas/flows";
import { diffSummary, formatValue, isEmptyDiff, isLongText, nodeIndex } from "./diff-format";

const graph = (nodes: [id: string, type: string, label: string][]): FlowGraph => ({
  nodes: nodes.map(([id, type, label]) => ({
    id,
    type,
    typeVersion: 1,
    label,
    config: {},
    policy: {},
    position: { x: 0, y: 0 },
  })),
  edges: [],
});

const empty: FlowDiff = {
  nodes: { added: [], removed: [], changed: [] },
  edges: { added: [], removed: [] },
};

describe("nodeIndex", () => {
  it("names nodes of both sides, the later side winning, the id standing in for a blank label", () => {
    const index = nodeIndex(
      graph([
        ["a", "llm", "Old name"],
        ["gone", "template", ""],
      ]),
      graph([["a", "llm", "New name"]]),
    );
    expect(index.get("a")).toEqual({ label: "New name", type: "llm" });
    expect(index.get("gone")).toEqual({ label: "gone", type: "template" });
    expect(index.get("missing")).toBeUndefined();
  });
});

describe("isLongText", () => {
  it("takes multi-line or long text, never other values", () => {
    expect(isLongText({ path: "p", before: "a\nb", after: "a" })).toBe(true);
    expect(isLongText({ path: "p", after: "x".repeat(81) })).toBe(true);
    expect(isLongText({ path: "p", before: "short", after: "also short" })).toBe(false);
    expect(isLongText({ path: "p", before: "a\nb", after: 3 })).toBe(false);
  });
});

describe("formatValue", () => {
  it("keeps text and pretty-prints the rest", () => {
    expect(formatValue("<b>x</b>")).toBe("<b>x</b>");
    expect(formatValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});

describe("diff summary", () => {
  it("says nothing changed for an empty diff", () => {
    expect(isEmptyDiff(empty)).toBe(true);
    expect(diffSummary(empty)).toBe("");
  });

  it("counts what changed with plurals", () => {
    const diff: FlowDiff = {
      nodes: {
        added: [{ id: "n", type: "llm", label: "N" }],
        removed: [],
        changed: [
          { id: "a", label: "A", fields: [{ path: "label", before: "x", after: "y" }] },
          { id: "b", label: "B", fields: [{ path: "config.t", after: 1 }] },
        ],
      },
      edges: {
        added: [],
        removed: [{ id: "e", source: "a", sourcePort: "out", target: "b", targetPort: "in" }],
      },
    };
    expect(isEmptyDiff(diff)).toBe(false);
    expect(diffSummary(diff)).toBe("2 nodes changed, 1 node added, 1 edge removed");
  });
});
