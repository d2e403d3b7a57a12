"use client";

import type { Connection, Edge, FinalConnectionState } from "@xyflow/react";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import type { FlowGraph } from "@/lib/engine";
import { connectionProblem, fromCanvasConnection } from "@/lib/engine/react-flow";
import { nodeRegistry } from "@/lib/nodes";
import { newId, nodePorts } from "./graph-ops";
import type { useGraphHistory } from "./use-graph-history";

const MESSAGE_MS = 6_000;

/** Why a dropped connection attempt was refused, or null when nothing is to be said. */
export function refusalOf(graph: FlowGraph, state: FinalConnectionState): string | null {
  if (!state.fromHandle || !state.toHandle || state.isValid) return null;
  const from = state.fromHandle;
  const to = state.toHandle;
  const [source, target] = from.type === "source" ? [from, to] : [to, from];
  return source.type === target.type
    ? `Connect an output to an input, not two ${source.type === "source" ? "outputs" : "inputs"}`
    : connectionProblem(
        graph,
        nodeRegistry,
        {
          source: source.nodeId,
          sourceHandle: source.id,
          target: target.nodeId,
          targetHandle: target.id,
        },
        nodePorts,
      );
}

/** Connection validation for the canvas, plus the refusal message shown for a few seconds. */
export function useConnectionRules(
  graph: FlowGraph,
  canEdit: boolean,
  change: ReturnType<typeof useGraphHistory>["change"],
) {
  const [connectMessage, setConnectMessage] = useState<string | null>(null);

  const isValidConnection = useCallback(
    (connection: Connection | Edge) =>
      canEdit && connectionProblem(graph, nodeRegistry, connection, nodePorts) === null,
    [graph, canEdit],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const problem = connectionProblem(graph, nodeRegistry, connection, nodePorts);
      const edge = fromCanvasConnection(connection, newId("e"));
      if (problem || !edge) {
        toast.error(problem ?? "Connect an output to an input");
        return;
      }
      setConnectMessage(null);
      change((g) => ({ ...g, edges: [...g.edges, edge] }));
    },
    [graph, change],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const problem = refusalOf(graph, state);
      if (!problem) return;
      setConnectMessage(problem);
      toast.error(problem);
    },
    [graph],
  );

  const onConnectStart = useCallback(() => setConnectMessage(null), []);

  useEffect(() => {
    if (!connectMessage) return;
    const timer = setTimeout(() => setConnectMessage(null), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [connectMessage]);

  return { connectMessage, isValidConnection, onConnect, onConnectEnd, onConnectStart };
}
