"use client";

import { ArrowLeft, Workflow } from "lucide-react";
import Link from "next/link";
import { SectionHeading } from "@/components/approvals/draft-view";
import { formatDateTime } from "@/components/settings/format";
import { RunResult } from "@/components/flows/run-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { ValueBlock } from "@/components/ui/value-block";
import { ApiClientError, errorMessage } from "@/lib/query/api";
import { useRunDetail } from "@/lib/query/runs";

/** A run's page: what started it, its input, then its result and node attempts. */
export function RunView({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const detail = useRunDetail(workspaceId, runId);
  const run = detail.data?.run;

  if (detail.isPending)
    return (
      <div role="status" className="flex flex-col gap-4">
        <span className="sr-only">Loading the run…</span>
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-64" />
      </div>
    );
  if (!run) {
    const missing = detail.error instanceof ApiClientError && detail.error.status === 404;
    return (
      <>
        <PageHeader title="Run" />
        <Alert variant="error" title={missing ? "Run not found" : "Could not load the run"}>
          <p>
            {missing
              ? "It does not exist in this workspace."
              : errorMessage(detail.error ?? undefined)}
          </p>
          <Button asChild variant="outline" size="sm" className="mt-3">
            <Link href="/flows">
              <ArrowLeft aria-hidden />
              Back to flows
            </Link>
          </Button>
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Run"
        description={`Started ${formatDateTime(run.createdAt)} · trigger: ${run.trigger} · ${
          run.flowVersionId ? "a saved version" : "the draft"
        }`}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={`/flows/${encodeURIComponent(run.flowId)}`}>
              <Workflow aria-hidden />
              Open the flow
            </Link>
          </Button>
        }
      />
      <div className="flex max-w-5xl flex-col gap-6" data-testid="run-page">
        <section>
          <SectionHeading>Input</SectionHeading>
          <ValueBlock value={run.input} label="Run input" />
        </section>
        <RunResult workspaceId={workspaceId} started={run} />
      </div>
    </>
  );
}
