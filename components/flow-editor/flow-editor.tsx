"use client";

import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/query/api";
import { useEditorFlow, type ServerFlow } from "@/lib/query/flow-editor";
import { EditorCanvas } from "./editor-canvas";

/** The flow editor of one flow: takes the draft from the page or loads it, then hands it to the canvas. */
export function FlowEditor({
  workspaceId,
  flowId,
  initial,
  canEdit,
  canRun,
}: {
  workspaceId: string;
  flowId: string;
  initial?: ServerFlow;
  canEdit: boolean;
  canRun: boolean;
}) {
  const query = useEditorFlow(workspaceId, flowId, initial);
  if (query.isPending)
    return (
      <div role="status" className="flex flex-col gap-4">
        <span className="sr-only">Loading the flow…</span>
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-[60vh]" />
      </div>
    );
  // Once loaded, the editor owns the draft: a failed background refetch must not unmount it.
  if (!query.data)
    return (
      <>
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Flow editor</h1>
        <Alert variant="error" title="Could not open the flow">
          <p>{query.error ? errorMessage(query.error) : "The flow could not be loaded."}</p>
          <Button asChild variant="outline" size="sm" className="mt-3">
            <Link href="/flows">Back to flows</Link>
          </Button>
        </Alert>
      </>
    );
  return (
    <ReactFlowProvider>
      <EditorCanvas
        key={query.data.flow.id}
        workspaceId={workspaceId}
        flow={query.data.flow}
        canEdit={canEdit}
        canRun={canRun}
      />
    </ReactFlowProvider>
  );
}
