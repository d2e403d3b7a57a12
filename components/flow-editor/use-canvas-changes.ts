"use client";

import type { EdgeChange, NodeChange } from "@xyflow/react";
import { useCallback, type Dispatch, type SetStateAction } from "react";
import type { CanvasNode } from "./flow-node";
import type { Selection } from "./use-editor-selection";
import type { useGraphHistory } from "./use-graph-history";

type Size = { width: number; height: number };

/** React Flow's node and edge change handlers: moves, measured sizes and selection. */
export function useCanvasChanges({
  canEdit,
  change,
  setMeasured,
  setSelection,
}: {
  canEdit: boolean;
  change: ReturnType<typeof useGraphHistory>["change"];
  setMeasured: Dispatch<SetStateAction<Map<string, Size>>>;
  setSelection: Dispatch<SetStateAction<Selection>>;
}) {
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moves = new Map<string, { x: number; y: number }>();
      let dragging = false;
      const sizes: [string, Size][] = [];
      let nextSelection: Map<string, boolean> | null = null;
      for (const c of changes) {
        if (c.type === "position" && c.position && canEdit) {
          moves.set(c.id, c.position);
          dragging ||= Boolean(c.dragging);
        } else if (c.type === "dimensions" && c.dimensions) {
          sizes.push([c.id, c.dimensions]);
        } else if (c.type === "select") {
          nextSelection ??= new Map();
          nextSelection.set(c.id, c.selected);
        }
      }
      if (moves.size > 0)
        change(
          (g) => {
            let moved = false;
            const next = g.nodes.map((n) => {
              const p = moves.get(n.id);
              if (!p) return n;
              const position = { x: Math.round(p.x), y: Math.round(p.y) };
              if (position.x === n.position.x && position.y === n.position.y) return n;
              moved = true;
              return { ...n, position };
            });
            return moved ? { ...g, nodes: next } : g;
          },
          { mode: dragging ? "transient" : "record" },
        );
      if (sizes.length > 0)
        setMeasured((prev) => {
          const next = new Map(prev);
          for (const [id, size] of sizes) next.set(id, size);
          return next;
        });
      if (nextSelection) {
        const updates = nextSelection;
        setSelection((prev) => {
          const set = new Set(prev.nodes);
          for (const [id, selected] of updates) {
            if (selected) set.add(id);
            else set.delete(id);
          }
          return { ...prev, nodes: [...set] };
        });
      }
    },
    [change, canEdit, setMeasured, setSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const updates = changes.filter((c) => c.type === "select");
      if (updates.length === 0) return;
      setSelection((prev) => {
        const set = new Set(prev.edges);
        for (const c of updates) {
          if (c.selected) set.add(c.id);
          else set.delete(c.id);
        }
        return { ...prev, edges: [...set] };
      });
    },
    [setSelection],
  );

  return { onNodesChange, onEdgesChange };
}
