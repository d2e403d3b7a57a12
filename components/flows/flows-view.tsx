"use client";

import { Workflow } from "lucide-react";
import Link from "next/link";
import { FlowCard } from "@/components/flows/flow-card";
import { ListError } from "@/components/settings/list-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useFlows } from "@/lib/query/flows";

function CardsSkeleton() {
  return (
    <div role="status" className="grid gap-4 md:grid-cols-2">
      <span className="sr-only">Loading flows…</span>
      {[0, 1].map((index) => (
        <Skeleton key={index} className="h-40" />
      ))}
    </div>
  );
}

/** The Flows page: the workspace's flows, newest first, each runnable with `flow.run`. */
export function FlowsView({ workspaceId, canRun }: { workspaceId: string; canRun: boolean }) {
  const flows = useFlows(workspaceId);
  return (
    <>
      <PageHeader
        title="Flows"
        description="Pipelines drawn as node graphs: prompts, models, routing, guardrails and human review."
      />
      {flows.isPending ? (
        <CardsSkeleton />
      ) : flows.isError ? (
        <ListError what="flows" error={flows.error} onRetry={() => void flows.refetch()} />
      ) : flows.data.length === 0 ? (
        <EmptyState
          icon={Workflow}
          title="No flows yet"
          action={
            <Button asChild variant="outline">
              <Link href="/settings/connections">Set up a model connection</Link>
            </Button>
          }
        >
          The visual editor for building flows comes next. Every flow of this workspace will be
          listed here, and you can run it from this page with a JSON input and see each step&apos;s
          prompt, output, tokens and cost.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-4">
          {!canRun && (
            <Alert title="You can look, but not run">
              Your role lets you see flows. Ask an admin for the Editor role to run them.
            </Alert>
          )}
          {canRun && flows.data.some((flow) => flow.name.endsWith("(example)")) && (
            <p className="text-sm text-muted-foreground">
              Start with an example: run it to see each step&apos;s prompt, output, tokens and cost.
            </p>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            {flows.data.map((flow) => (
              <FlowCard key={flow.id} workspaceId={workspaceId} flow={flow} canRun={canRun} />
            ))}
          </div>
        </div>
      )}
    </>
  );
}
