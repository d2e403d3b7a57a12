"use client";

import {
  Handle,
  Position,
  useStore,
  useUpdateNodeInternals,
  type Node,
  type NodeProps,
  type ReactFlowState,
} from "@xyflow/react";
import { memo, useCallback, useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import type { NodePorts, NodeUi, PortSpec } from "@/lib/engine";
import { CompactNodeBody, FullNodeBody } from "./flow-node-body";
import { canvasNodeSize, handleTop } from "./flow-node-size";
import { PORT_COLOURS } from "./node-visuals";
import { NodeRunFooter, runRing, type NodeRunBadge } from "./run/node-run-badge";

export type { NodeRunBadge };

/** What the canvas node renders. */
export interface CanvasNodeData extends Record<string, unknown> {
  label: string;
  typeLabel: string;
  icon?: string;
  category?: NodeUi["category"];
  ports: NodePorts;
  errors: string[];
  warnings: string[];
  run?: NodeRunBadge;
  /** The draft pins this node's output. */
  pinned?: boolean;
}

/** A React Flow node of the editor. */
export type CanvasNode = Node<CanvasNodeData, "trellis">;

/** Below this zoom node text is too small to read, so nodes draw their compact body. */
const DETAIL_ZOOM = 0.5;
/** Nodes this close to the visible canvas (screen px) already draw their full body. */
const DETAIL_MARGIN = 200;

/**
 * Whether the node is readable and on (or near) screen. A boolean selector, so a node re-renders
 * only when it crosses the zoom threshold or the edge of the view, never on every pan or zoom.
 */
function useDetailed(x: number, y: number, width: number, height: number): boolean {
  const selector = useCallback(
    (s: ReactFlowState) => {
      const [tx, ty, zoom] = s.transform;
      if (zoom < DETAIL_ZOOM) return false;
      const left = x * zoom + tx;
      const top = y * zoom + ty;
      return (
        left < s.width + DETAIL_MARGIN &&
        left + width * zoom > -DETAIL_MARGIN &&
        top < s.height + DETAIL_MARGIN &&
        top + height * zoom > -DETAIL_MARGIN
      );
    },
    [x, y, width, height],
  );
  return useStore(selector);
}

function PortHandle({ port, side, index }: { port: PortSpec; side: "in" | "out"; index: number }) {
  return (
    <Handle
      type={side === "in" ? "target" : "source"}
      position={side === "in" ? Position.Left : Position.Right}
      id={port.name}
      className="!size-3 !border-2 !border-background"
      style={{ top: handleTop(index), background: PORT_COLOURS[port.type] ?? PORT_COLOURS.any }}
    />
  );
}

/**
 * A flow node: icon, label (text only), type, typed handles, pin mark, issue and run badges; a
 * compact body with a large label when zoomed out or off screen. Both bodies have the same size
 * and handle places, so switching never re-measures the node.
 */
export const FlowNodeView = memo(function FlowNodeView({
  id,
  data,
  selected,
  positionAbsoluteX,
  positionAbsoluteY,
}: NodeProps<CanvasNode>) {
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = [
    ...data.ports.inputs.map((p) => `i:${p.name}`),
    ...data.ports.outputs.map((p) => `o:${p.name}`),
  ].join("|");
  // React Flow measures handles when a node mounts; re-measuring every node on mount made opening
  // a flow quadratic (each call re-renders the canvas), so only a later change of ports does it.
  const measuredPorts = useRef(portKey);
  useEffect(() => {
    if (measuredPorts.current === portKey) return;
    measuredPorts.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);

  const rows = Math.max(data.ports.inputs.length, data.ports.outputs.length);
  const size = canvasNodeSize(rows, data.run);
  const detailed = useDetailed(positionAbsoluteX, positionAbsoluteY, size.width, size.height);
  return (
    <div
      data-testid="flow-node"
      data-node-id={id}
      className={cn(
        "relative w-60 rounded-lg border bg-card text-card-foreground [contain:layout_style]",
        detailed && "shadow-sm",
        // Compact nodes are too small to connect from: their handles show only on hover or when
        // selected, which halves what the browser hit-tests on every move of a pan.
        !detailed && !selected && "[&:not(:hover)_[data-handlepos]]:invisible",
        data.errors.length > 0 && "border-red-400 dark:border-red-800",
        runRing(data.run),
        selected && "outline-2 outline-offset-2 outline-ring",
      )}
    >
      {detailed ? (
        <FullNodeBody data={data} rows={rows} />
      ) : (
        <CompactNodeBody data={data} rows={rows} />
      )}
      {data.ports.inputs.map((port, index) => (
        <PortHandle key={`i:${port.name}`} port={port} side="in" index={index} />
      ))}
      {data.ports.outputs.map((port, index) => (
        <PortHandle key={`o:${port.name}`} port={port} side="out" index={index} />
      ))}
      {data.run && <NodeRunFooter run={data.run} />}
    </div>
  );
});
