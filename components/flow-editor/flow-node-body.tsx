import { CircleAlert, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { PortSpec } from "@/lib/engine";
import type { CanvasNodeData } from "./flow-node";
import { NODE_HEADER_HEIGHT, nodeBodyHeight, PORT_ROW_HEIGHT } from "./flow-node-size";
import { CATEGORY_ACCENT, NodeIcon } from "./node-visuals";
import { PinnedMark } from "./run/node-run-badge";

function IssueBadge({ data, large }: { data: CanvasNodeData; large?: boolean }) {
  const issueCount = data.errors.length + data.warnings.length;
  if (issueCount === 0) return null;
  const Icon = data.errors.length > 0 ? CircleAlert : TriangleAlert;
  return (
    <span
      data-testid="node-issues"
      title={[...data.errors, ...data.warnings].join("\n")}
      className={cn(
        "flex shrink-0 items-center gap-0.5 rounded-md border font-medium",
        large ? "px-1.5 py-0.5 text-xl" : "px-1 py-0.5 text-[11px]",
        data.errors.length > 0
          ? "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300"
          : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-300",
      )}
    >
      <Icon className={large ? "size-5" : "size-3"} aria-hidden />
      {issueCount}
      <span className="sr-only">{issueCount === 1 ? " issue" : " issues"}</span>
    </span>
  );
}

const accent = (data: CanvasNodeData) =>
  data.category ? CATEGORY_ACCENT[data.category] : "bg-zinc-500";

function portTitle(port: PortSpec, side: "in" | "out") {
  return `${port.label ?? port.name} (${port.type}${port.multiple ? ", many" : ""}${
    side === "in" && port.required === false ? ", optional" : ""
  })`;
}

function PortLabels({ ports, side }: { ports: PortSpec[]; side: "in" | "out" }) {
  return (
    <div>
      {ports.map((port) => (
        <div
          key={port.name}
          className={cn("flex items-center px-3 text-xs", side === "out" && "justify-end")}
          style={{ height: PORT_ROW_HEIGHT }}
          title={portTitle(port, side)}
        >
          <span className="truncate text-muted-foreground">{port.label ?? port.name}</span>
          <span className="ml-1 font-mono text-[10px] text-muted-foreground">{port.type}</span>
        </div>
      ))}
    </div>
  );
}

/** The node's full body: icon, label, type, pin and issue marks, then a labelled row per port. */
export function FullNodeBody({ data, rows }: { data: CanvasNodeData; rows: number }) {
  return (
    <>
      <div className="flex items-start gap-2 px-3 pt-2.5" style={{ height: NODE_HEADER_HEIGHT }}>
        <span
          className={cn(
            "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-md text-white",
            accent(data),
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
        <IssueBadge data={data} />
      </div>
      {rows > 0 && (
        <div className="grid grid-cols-2 border-t py-1">
          <PortLabels ports={data.ports.inputs} side="in" />
          <PortLabels ports={data.ports.outputs} side="out" />
        </div>
      )}
    </>
  );
}

/**
 * The body drawn when the node is too small on screen to read: a large label and the marks, in
 * the full body's height so the node keeps its size and its handles their places.
 */
export function CompactNodeBody({ data, rows }: { data: CanvasNodeData; rows: number }) {
  return (
    <div
      className="flex items-center gap-2 overflow-hidden px-3"
      style={{ height: nodeBodyHeight(rows) }}
      title={data.typeLabel}
    >
      <span className={cn("h-10 w-2 shrink-0 rounded-full", accent(data))} />
      <p className="min-w-0 flex-1 truncate text-2xl font-semibold" data-testid="flow-node-label">
        {data.label || data.typeLabel}
      </p>
      {data.pinned && <PinnedMark />}
      <IssueBadge data={data} large />
    </div>
  );
}
