"use client";

import { Handle, Position, useUpdateNodeInternals, type Node, type NodeProps } from "@xyflow/react";
import { CircleAlert, TriangleAlert } from "lucide-react";
import { memo, useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import type { NodePorts, NodeUi, PortSpec } from "@/lib/engine";
import { CATEGORY_ACCENT, NodeIcon, PORT_COLOURS } from "./node-visuals";
import { NodeRunFooter, PinnedMark, runRing, type NodeRunBadge } from "./run/node-run-badge";

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

function PortRow({ port, side }: { port: PortSpec; side: "in" | "out" }) {
  const colour = PORT_COLOURS[port.type] ?? PORT_COLOURS.any;
  const title = `${port.label ?? port.name} (${port.type}${port.multiple ? ", many" : ""}${
    side === "in" && port.required === false ? ", optional" : ""
  })`;
  return (
    <div
      className={cn("relative flex h-6 items-center px-3 text-xs", side === "out" && "justify-end")}
      title={title}
    >
      <Handle
        type={side === "in" ? "target" : "source"}
        position={side === "in" ? Position.Left : Position.Right}
        id={port.name}
        className="!size-3 !border-2 !border-background"
        style={{ background: colour }}
      />
      <span className="truncate text-muted-foreground">{port.label ?? port.name}</span>
      <span className="ml-1 font-mono text-[10px] text-muted-foreground">{port.type}</span>
    </div>
  );
}

/** A flow node: icon, label (text only), type, typed handles, pin mark, issue and run badges. */
export const FlowNodeView = memo(function FlowNodeView({
  id,
  data,
  selected,
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
  const issueCount = data.errors.length + data.warnings.length;
  return (
    <div
      data-testid="flow-node"
      data-node-id={id}
      className={cn(
        "w-60 rounded-lg border bg-card text-card-foreground shadow-sm",
        data.errors.length > 0 && "border-red-400 dark:border-red-800",
        runRing(data.run),
        selected && "outline-2 outline-offset-2 outline-ring",
      )}
    >
      <div className="flex items-start gap-2 px-3 pt-2.5 pb-2">
        <span
          className={cn(
            "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-md text-white",
            data.category ? CATEGORY_ACCENT[data.category] : "bg-zinc-500",
          )}
        >
          <NodeIcon name={data.icon} className="size-3.5" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium" data-testid="flow-node-label">
            {data.label || data.typeLabel}
          </p>
          <p className="truncate text-xs text-muted-foreground">{data.typeLabel}</p>
        </div>
        {data.pinned && <PinnedMark />}
        {issueCount > 0 && (
          <span
            data-testid="node-issues"
            title={[...data.errors, ...data.warnings].join("\n")}
            className={cn(
              "flex shrink-0 items-center gap-0.5 rounded-md border px-1 py-0.5 text-[11px] font-medium",
              data.errors.length > 0
                ? "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300"
                : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-300",
            )}
          >
            {data.errors.length > 0 ? (
              <CircleAlert className="size-3" aria-hidden />
            ) : (
              <TriangleAlert className="size-3" aria-hidden />
            )}
            {issueCount}
            <span className="sr-only">{issueCount === 1 ? " issue" : " issues"}</span>
          </span>
        )}
      </div>
      {rows > 0 && (
        <div className="grid grid-cols-2 border-t py-1">
          <div>
            {data.ports.inputs.map((port) => (
              <PortRow key={port.name} port={port} side="in" />
            ))}
          </div>
          <div>
            {data.ports.outputs.map((port) => (
              <PortRow key={port.name} port={port} side="out" />
            ))}
          </div>
        </div>
      )}
      {data.run && <NodeRunFooter run={data.run} />}
    </div>
  );
});
