"use client";

import { useStore, ViewportPortal, type ReactFlowState } from "@xyflow/react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, type CSSProperties, type ReactNode } from "react";
import { invalidateNodeStats, useNodeStats } from "@/lib/query/node-stats";
import type { CanvasNode } from "../flow-node";
import type { LiveRun } from "../run/live-run";
import { CostBadge } from "./cost-badge";
import { CostLegend } from "./cost-legend";
import { costLevels } from "./cost-scale";
import { useCostOverlayPrefs } from "./prefs";

const nodesOf = (state: ReactFlowState) => state.nodes as CanvasNode[];
const zoomOf = (state: ReactFlowState) => state.transform[2];
// Below this zoom a badge shows its cost only, so it fits above its node at a readable size.
const COMPACT_BELOW = 0.6;
const isCompact = (state: ReactFlowState) => zoomOf(state) < COMPACT_BELOW;

/**
 * The badge list, counter-scaled against zooming out (up to 2x, about as legible as the node labels); only this
 * element follows the zoom, the badges themselves do not re-render.
 */
function ZoomScaledList({ children }: { children: ReactNode }) {
  const scale = Math.min(2, Math.max(1, 1 / useStore(zoomOf)));
  return (
    <ul
      aria-label="Node costs"
      className="pointer-events-none"
      style={{ "--cost-scale": scale } as CSSProperties}
    >
      {children}
    </ul>
  );
}

/**
 * Each node's average cost and latency over the flow's last runs, as badges above the nodes
 * (drawn in the viewport, so panning and zooming move them without a render). Renders nothing
 * and fetches nothing while the overlay is off. Mount inside <ReactFlow>.
 */
export function CostOverlay(props: { workspaceId: string; flowId: string; run: LiveRun | null }) {
  const prefs = useCostOverlayPrefs();
  if (!prefs.on) return null;
  return <CostOverlayOn {...props} last={prefs.last} onLast={prefs.setLast} />;
}

function CostOverlayOn({
  workspaceId,
  flowId,
  run,
  last,
  onLast,
}: {
  workspaceId: string;
  flowId: string;
  run: LiveRun | null;
  last: number;
  onLast: (last: number) => void;
}) {
  const queryClient = useQueryClient();
  const stats = useNodeStats(workspaceId, flowId, last, true);
  const settledRunId = run?.persisted ? run.runId : null;
  useEffect(() => {
    if (settledRunId) void invalidateNodeStats(queryClient, workspaceId, flowId);
  }, [settledRunId, queryClient, workspaceId, flowId]);

  const nodes = useStore(nodesOf);
  const compact = useStore(isCompact);
  // While another window loads, the previous badges stay (no flicker) and the caption says so.
  const data = stats.data;
  const fresh = stats.isPlaceholderData ? undefined : data;
  const byNode = useMemo(() => new Map(data?.nodes.map((n) => [n.nodeId, n])), [data]);
  const levels = useMemo(() => costLevels(data?.nodes ?? []), [data]);

  return (
    <>
      <CostLegend
        last={last}
        onLast={onLast}
        runs={fresh?.runs}
        loading={stats.isFetching && !fresh}
        error={stats.isError ? stats.error : null}
        onRetry={() => void stats.refetch()}
      />
      {data && data.runs > 0 && (
        <ViewportPortal>
          <ZoomScaledList>
            {nodes.map((node) => (
              <CostBadge
                key={node.id}
                x={node.position.x}
                y={node.position.y}
                label={node.data.label}
                stat={byNode.get(node.id)}
                level={levels.get(node.id) ?? "free"}
                compact={compact}
              />
            ))}
          </ZoomScaledList>
        </ViewportPortal>
      )}
    </>
  );
}
