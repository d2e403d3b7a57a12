"use client";

import { useCallback, useMemo, useState } from "react";
import type { FlowGraph } from "@/lib/engine";

/** The selected node and edge ids. */
export interface Selection {
  nodes: string[];
  edges: string[];
}

/** Nothing selected. */
export const NO_SELECTION: Selection = { nodes: [], edges: [] };

/** The canvas selection, trimmed to elements still in the graph (undo or a reload can remove them). */
export function useEditorSelection(graph: FlowGraph) {
  const [rawSelection, setSelection] = useState<Selection>(NO_SELECTION);
  const selection = useMemo<Selection>(() => {
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    return {
      nodes: rawSelection.nodes.filter((id) => nodeIds.has(id)),
      edges: rawSelection.edges.filter((id) => edgeIds.has(id)),
    };
  }, [graph, rawSelection]);
  const select = useCallback(
    (nodeIds: string[]) => setSelection({ nodes: nodeIds, edges: [] }),
    [],
  );
  return { selection, setSelection, select };
}
