"use client";

import { Workflow } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { RelativeTime } from "@/components/approvals/relative-time";
import { FlowActions } from "@/components/flows/flow-actions";
import { RunFlowDialog } from "@/components/flows/run-flow-dialog";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { FlowSummaryDto } from "@/lib/query/flows";

/**
 * One flow: name (opens the editor), description, when it last changed, a Run button with
 * `flow.run` and the actions menu (editing actions with `flow.edit`).
 */
export function FlowCard({
  workspaceId,
  flow,
  canRun,
  canEdit,
}: {
  workspaceId: string;
  flow: FlowSummaryDto;
  canRun: boolean;
  canEdit: boolean;
}) {
  const titleId = useId();
  return (
    <article aria-labelledby={titleId} data-testid="flow-card" data-flow-id={flow.id}>
      <Card className="flex h-full flex-col">
        <CardHeader className="flex-1">
          <div className="flex items-start gap-2">
            <Workflow className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
            <CardTitle id={titleId} className="min-w-0 flex-1 break-words">
              <Link
                href={`/flows/${flow.id}`}
                className="rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              >
                {flow.name}
              </Link>
            </CardTitle>
            <div className="-mt-1.5 -mr-2">
              <FlowActions workspaceId={workspaceId} flow={flow} canEdit={canEdit} />
            </div>
          </div>
          <CardDescription className="break-words">
            {flow.description || "No description."}
          </CardDescription>
        </CardHeader>
        <CardFooter className="flex-wrap justify-between">
          <p className="text-xs text-muted-foreground">
            Updated <RelativeTime iso={flow.updatedAt} /> · revision {flow.revision}
          </p>
          {canRun && <RunFlowDialog workspaceId={workspaceId} flow={flow} />}
        </CardFooter>
      </Card>
    </article>
  );
}
