"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback, type DragEvent, type RefObject } from "react";
import type { AnyNodeDefinition, FlowGraph } from "@/lib/engine";
import { nodeRegistry } from "@/lib/nodes";
import { createNode, NODE_WIDTH } from "./graph-ops";
import { PALETTE_MIME } from "./palette";
import type { useGraphHistory } from "./use-graph-history";

/** Adding nodes: at a point, in the middle of the canvas, or dropped from the palette. */
export function useAddNode({
  graph,
  canEdit,
  change,
  wrapper,
  onAdded,
}: {
  graph: FlowGraph;
  canEdit: boolean;
  change: ReturnType<typeof useGraphHistory>["change"];
  wrapper: RefObject<HTMLDivElement | null>;
  onAdded: (nodeId: string) => void;
}) {
  const { screenToFlowPosition } = useReactFlow();

  const addNode = useCallback(
    (definition: AnyNodeDefinition, position?: { x: number; y: number }) => {
      if (!canEdit) return;
      let at = position;
      if (!at) {
        const rect = wrapper.current?.getBoundingClientRect();
        const center = rect
          ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
          : { x: 0, y: 0 };
        // Stagger repeated clicks so new nodes do not stack exactly.
        const offset = (graph.nodes.length % 5) * 24;
        at = { x: center.x - NODE_WIDTH / 2 + offset, y: center.y - 40 + offset };
      }
      const node = createNode(definition, at);
      change((g) => ({ ...g, nodes: [...g.nodes, node] }));
      onAdded(node.id);
    },
    [canEdit, change, graph.nodes.length, screenToFlowPosition, wrapper, onAdded],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const payload = event.dataTransfer.getData(PALETTE_MIME);
      if (!payload) return;
      event.preventDefault();
      const [type, version] = payload.split("@");
      const definition = nodeRegistry.get(type ?? "", Number(version));
      if (!definition) return;
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNode(definition, { x: at.x - NODE_WIDTH / 2, y: at.y - 20 });
    },
    [addNode, screenToFlowPosition],
  );

  return { addNode, onDragOver, onDrop };
}
