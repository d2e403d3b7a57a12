"use client";

import { useCallback, useRef } from "react";
import type { FlowGraph } from "@/lib/engine";
import { duplicateNodes } from "./graph-ops";
import type { useGraphHistory } from "./use-graph-history";

/** Copy and paste of selected nodes (and the edges between them) inside the editor. */
export function useClipboard({
  graph,
  selectedNodes,
  canEdit,
  change,
  select,
}: {
  graph: FlowGraph;
  selectedNodes: string[];
  canEdit: boolean;
  change: ReturnType<typeof useGraphHistory>["change"];
  select: (nodeIds: string[]) => void;
}) {
  const clipboard = useRef<FlowGraph | null>(null);

  const copy = useCallback(() => {
    if (selectedNodes.length === 0) return;
    const ids = new Set(selectedNodes);
    clipboard.current = {
      nodes: graph.nodes.filter((n) => ids.has(n.id)),
      edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    };
  }, [graph, selectedNodes]);

  const paste = useCallback(() => {
    const copied = clipboard.current;
    if (!canEdit || !copied || copied.nodes.length === 0) return;
    const result = duplicateNodes(copied, new Set(copied.nodes.map((n) => n.id)), 60);
    const added = result.graph.nodes.slice(copied.nodes.length);
    const addedEdges = result.graph.edges.slice(copied.edges.length);
    change((g) => ({ nodes: [...g.nodes, ...added], edges: [...g.edges, ...addedEdges] }));
    select(result.ids);
  }, [canEdit, change, select]);

  return { copy, paste };
}
