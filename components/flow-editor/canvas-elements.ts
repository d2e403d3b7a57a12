"use client";

import type { Edge } from "@xyflow/react";
import { useMemo } from "react";
import type { FlowGraph, FlowIssue, FlowNode } from "@/lib/engine";
import { toCanvasEdge } from "@/lib/engine/react-flow";
import type { CanvasNode, CanvasNodeData, NodeRunBadge } from "./flow-node";
import { canvasNodeSize } from "./flow-node-size";
import { definitionOf, nodePorts } from "./graph-ops";
import { PORT_COLOURS } from "./node-visuals";
import type { Selection } from "./use-editor-selection";

// Canvas data per node snapshot, reused while its issues and run badge are unchanged, so the
// memoised node component skips nodes an edit did not touch.
const dataCache = new WeakMap<FlowNode, { key: string; data: CanvasNodeData }>();

function nodeData(node: FlowNode, issues: FlowIssue[], run: NodeRunBadge | undefined) {
  const errors = issues.filter((i) => i.severity === "error").map((i) => i.message);
  const warnings = issues.filter((i) => i.severity === "warning").map((i) => i.message);
  const key = JSON.stringify([errors, warnings, run ?? null]);
  const cached = dataCache.get(node);
  if (cached?.key === key) return cached.data;
  const definition = definitionOf(node);
  const data: CanvasNodeData = {
    label: node.label,
    typeLabel: definition?.ui.label ?? `Unknown: ${node.type} v${node.typeVersion}`,
    icon: definition?.ui.icon,
    category: definition?.ui.category,
    ports: nodePorts(node),
    errors,
    warnings,
    run,
    pinned: node.pin !== undefined,
  };
  dataCache.set(node, { key, data });
  return data;
}

/** The React Flow nodes and edges for the graph, with issues, run badges and selection. */
export function useCanvasElements({
  graph,
  issues,
  issuesByNode,
  selection,
  measured,
  runBadges,
}: {
  graph: FlowGraph;
  issues: FlowIssue[];
  issuesByNode: Map<string, FlowIssue[]>;
  selection: Selection;
  measured: Map<string, { width: number; height: number }>;
  runBadges: Map<string, NodeRunBadge>;
}) {
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);

  const nodes = useMemo<CanvasNode[]>(
    () =>
      graph.nodes.map((node) => {
        const data = nodeData(node, issuesByNode.get(node.id) ?? [], runBadges.get(node.id));
        const rows = Math.max(data.ports.inputs.length, data.ports.outputs.length);
        return {
          id: node.id,
          type: "trellis",
          position: node.position,
          selected: selectedNodes.has(node.id),
          // The size the node renders at is known up front; a measured size only corrects it.
          measured: measured.get(node.id) ?? canvasNodeSize(rows, data.run),
          data,
        };
      }),
    [graph.nodes, issuesByNode, selectedNodes, measured, runBadges],
  );

  const edges = useMemo<Edge[]>(() => {
    const portTypes = new Map(
      graph.nodes.map((n) => [n.id, new Map(nodePorts(n).outputs.map((p) => [p.name, p.type]))]),
    );
    const badEdges = new Set(issues.filter((i) => i.edgeId).map((i) => i.edgeId));
    return graph.edges.map((edge) => {
      const type = portTypes.get(edge.source)?.get(edge.sourcePort) ?? "any";
      return {
        ...toCanvasEdge(edge),
        selected: selectedEdges.has(edge.id),
        style: {
          stroke: badEdges.has(edge.id) ? "#ef4444" : PORT_COLOURS[type],
          strokeWidth: selectedEdges.has(edge.id) ? 3 : 2,
        },
      };
    });
  }, [graph.edges, graph.nodes, issues, selectedEdges]);

  return { nodes, edges };
}
