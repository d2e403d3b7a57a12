"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/query/api";
import { fetchFlow } from "@/lib/query/flow-editor";

// The editor's framing, so both canvases show the same part of the graph.
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };

/** The flow's graph as plain React Flow default nodes and edges, nothing else on the canvas. */
export function BareCanvas({
  flowId,
  width,
  height,
}: {
  flowId: string;
  width: number;
  height: number;
}) {
  const query = useQuery({
    queryKey: ["bench-canvas", flowId],
    queryFn: ({ signal }) => fetchFlow(flowId, signal),
    staleTime: Infinity,
  });
  const graph = query.data?.flow.graph;
  const nodes = useMemo<Node[]>(
    () =>
      (graph?.nodes ?? []).map((node) => ({
        id: node.id,
        position: node.position,
        data: { label: node.label },
      })),
    [graph],
  );
  const edges = useMemo<Edge[]>(
    () => (graph?.edges ?? []).map(({ id, source, target }) => ({ id, source, target })),
    [graph],
  );

  if (query.isPending)
    return (
      <p role="status" className="flex items-center gap-2 p-4 text-sm">
        <Spinner /> Loading the flow…
      </p>
    );
  if (query.isError)
    return (
      <Alert variant="error" title="Could not load the flow" className="m-4">
        {errorMessage(query.error)}
      </Alert>
    );
  return (
    <main style={{ width, height }} aria-label="Bare React Flow canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
      />
    </main>
  );
}
