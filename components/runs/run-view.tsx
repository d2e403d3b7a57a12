"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { RunDetail } from "@/components/runs/detail/run-detail";
import { Button } from "@/components/ui/button";
import { RecordLoadError } from "@/components/ui/record-load-error";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { useRunDetail } from "@/lib/query/runs";

/** A run's page: loading and not-found states, then the run's details; polls while in flight. */
export function RunView({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const detail = useRunDetail(workspaceId, runId);
  if (detail.isPending)
    return (
      <LoadingStatus label="Loading the run…" className="flex flex-col gap-4">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-40" />
        <Skeleton className="h-64" />
      </LoadingStatus>
    );
  const run = detail.data?.run;
  const nodes = detail.data?.nodes;
  if (!run || !nodes) {
    return (
      <RecordLoadError
        what="run"
        error={detail.error}
        notFound="It does not exist in this workspace."
        actions={() => (
          <Button asChild variant="outline" size="sm" className="mt-3">
            <Link href="/flows">
              <ArrowLeft aria-hidden />
              Back to flows
            </Link>
          </Button>
        )}
      />
    );
  }

  return (
    <RunDetail
      workspaceId={workspaceId}
      run={run}
      nodes={nodes}
      refreshError={detail.isError ? detail.error : null}
    />
  );
}
