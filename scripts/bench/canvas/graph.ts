import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/engine";

const COLUMN_GAP = 320;
const ROW_GAP = 170;

// Real node types with configs that validate, cycled through the body of the graph.
const BODY: { type: string; config: Record<string, unknown>; out: string }[] = [
  { type: "template", config: { template: "Hello {{ name }}" }, out: "out" },
  { type: "json-transform", config: { mapping: { name: "input.name" } }, out: "out" },
  { type: "condition", config: { expression: "input != null" }, out: "true" },
  { type: "merge", config: { mode: "first" }, out: "out" },
];

function node(id: string, type: string, config: Record<string, unknown>, x: number, y: number) {
  const flowNode: FlowNode = {
    id,
    type,
    typeVersion: 1,
    label: id,
    config,
    policy: {},
    position: { x: x * COLUMN_GAP, y: y * ROW_GAP },
  };
  return flowNode;
}

const edge = (source: string, sourcePort: string, target: string): FlowEdge => ({
  id: `${source}-${target}`,
  source,
  sourcePort,
  target,
  targetPort: "in",
});

/**
 * A valid layered DAG of `size` nodes on a grid: Input, then rows of real nodes (each fed by the
 * node to its left, the first column by the Input), a Merge joining every row's last node, and
 * an Output. The grid has about twice as many columns as rows, like a pipeline read left to right.
 */
export function layeredGraph(size: number): FlowGraph {
  const body = size - 3;
  if (body < 1) throw new Error("a layered graph needs at least 4 nodes");
  const rows = Math.ceil(Math.sqrt(body / 2));
  const columns = Math.ceil(body / rows);
  const middle = (rows - 1) / 2;
  const nodes = [node("input", "input", {}, 0, middle)];
  const edges: FlowEdge[] = [];
  const outPort = new Map<string, string>([["input", "out"]]);
  const last: string[] = [];
  for (let i = 0; i < body; i++) {
    const column = Math.floor(i / rows);
    const row = i % rows;
    const kind = BODY[(row + column) % BODY.length]!;
    const id = `n${i}`;
    nodes.push(node(id, kind.type, kind.config, column + 1, row));
    outPort.set(id, kind.out);
    const from = column === 0 ? "input" : `n${i - rows}`;
    edges.push(edge(from, outPort.get(from)!, id));
    last[row] = id;
  }
  nodes.push(node("merge", "merge", { mode: "array" }, columns + 1, middle));
  nodes.push(node("output", "output", {}, columns + 2, middle));
  for (const id of last) edges.push(edge(id, outPort.get(id)!, "merge"));
  edges.push(edge("merge", "out", "output"));
  return { nodes, edges };
}
