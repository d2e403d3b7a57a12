import type { FlowGraph } from "@/lib/engine";
import type { DiffField, FlowDiff } from "@/lib/schemas/flows";

/** How the diff names a node. */
export interface NodeInfo {
  label: string;
  type: string;
}

/** Labels and types of the nodes of both sides by id; the "to" side wins for nodes in both. */
export function nodeIndex(from?: FlowGraph, to?: FlowGraph): Map<string, NodeInfo> {
  const index = new Map<string, NodeInfo>();
  for (const graph of [from, to])
    for (const node of graph?.nodes ?? [])
      index.set(node.id, { label: node.label || node.id, type: node.type });
  return index;
}

/** Text long enough to read as a line diff rather than before and after side by side. */
export function isLongText({ before, after }: DiffField): boolean {
  const texts = [before, after].filter((value) => value !== undefined);
  return (
    texts.every((value) => typeof value === "string") &&
    texts.some((value) => (value as string).includes("\n") || (value as string).length > 80)
  );
}

/** A value as the diff prints it: text as is, anything else as indented JSON. */
export function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** Whether two sides are the same graph apart from positions. */
export function isEmptyDiff(diff: FlowDiff): boolean {
  const { nodes, edges } = diff;
  return (
    nodes.added.length + nodes.removed.length + nodes.changed.length === 0 &&
    edges.added.length + edges.removed.length === 0
  );
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "2 nodes changed, 1 node added, 1 edge removed". */
export function diffSummary(diff: FlowDiff): string {
  const parts = [
    [diff.nodes.changed.length, "node", "changed"],
    [diff.nodes.added.length, "node", "added"],
    [diff.nodes.removed.length, "node", "removed"],
    [diff.edges.added.length, "edge", "added"],
    [diff.edges.removed.length, "edge", "removed"],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, word, what]) => `${count(n, word)} ${what}`)
    .join(", ");
}
