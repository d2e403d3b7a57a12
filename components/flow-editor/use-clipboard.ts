"use client";

import { useEffect } from "react";
import type { FlowGraph } from "@/lib/engine";
import { parseFragment, serializeFragment } from "./clipboard-format";
import { duplicateNodes } from "./graph-ops";
import { isTextTarget } from "./use-editor-shortcuts";
import type { useGraphHistory } from "./use-graph-history";

/**
 * Copy and paste of selected nodes (and the edges between them) through the system clipboard,
 * so nodes move between flows, tabs and workspaces. Pasted nodes get new ids; what they refer to
 * (connections, prompts) is checked by validation like any other edit.
 */
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
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      if (isTextTarget(event.target) || selectedNodes.length === 0 || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", serializeFragment(graph, new Set(selectedNodes)));
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!canEdit || isTextTarget(event.target)) return;
      const fragment = parseFragment(event.clipboardData?.getData("text/plain") ?? "");
      if (!fragment) return;
      event.preventDefault();
      const result = duplicateNodes(fragment, new Set(fragment.nodes.map((n) => n.id)), 60);
      const added = result.graph.nodes.slice(fragment.nodes.length);
      const addedEdges = result.graph.edges.slice(fragment.edges.length);
      change((g) => ({ nodes: [...g.nodes, ...added], edges: [...g.edges, ...addedEdges] }));
      select(result.ids);
    };
    window.addEventListener("copy", onCopy);
    window.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("copy", onCopy);
      window.removeEventListener("paste", onPaste);
    };
  }, [graph, selectedNodes, canEdit, change, select]);
}
