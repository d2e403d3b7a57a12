"use client";

import { Inbox } from "lucide-react";
import Link from "next/link";
import { InboxSection } from "@/components/approvals/inbox-section";
import { ReviewTaskCard } from "@/components/approvals/review-task-card";
import { ListError } from "@/components/settings/list-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { useHumanTasks } from "@/lib/query/human-tasks";

function CardsSkeleton() {
  return (
    <LoadingStatus label="Loading review tasks…" className="flex flex-col gap-4">
      {[0, 1].map((index) => (
        <Skeleton key={index} className="h-72" />
      ))}
    </LoadingStatus>
  );
}

/** The inbox's review tasks: open human-review tasks of paused flow runs, oldest first. */
export function ReviewTasksSection({
  workspaceId,
  canDecide,
}: {
  workspaceId: string;
  canDecide: boolean;
}) {
  const tasks = useHumanTasks(workspaceId);
  const count = tasks.data?.length ?? 0;
  return (
    <InboxSection
      id="review-tasks"
      title="Review tasks"
      count={tasks.data ? count : undefined}
      description="Flow runs paused for a person: approve, edit or reject each draft so the run can continue."
    >
      {!canDecide && (
        <Alert title="You can look, but not decide">
          Your role lets you see review tasks. Ask an admin for the Editor or Approver role to
          approve, edit or reject them.
        </Alert>
      )}
      {tasks.isPending ? (
        <CardsSkeleton />
      ) : tasks.isError && !tasks.data ? (
        <ListError what="review tasks" error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : count === 0 ? (
        <EmptyState
          icon={Inbox}
          title="No open review tasks"
          className="py-10"
          action={
            <Button asChild variant="outline">
              <Link href="/flows">View flows</Link>
            </Button>
          }
        >
          Flows with a Human review step pause here when a draft needs a person, for example when a
          guardrail check fails. New tasks show up on this page automatically.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-4">
          {tasks.isError && (
            <ListError
              what="review tasks"
              error={tasks.error}
              onRetry={() => void tasks.refetch()}
            />
          )}
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {count === 1 ? "1 task waiting" : `${count} tasks waiting`}, oldest first.
          </p>
          {tasks.data?.map((task) => (
            <ReviewTaskCard
              key={task.id}
              workspaceId={workspaceId}
              task={task}
              canDecide={canDecide}
            />
          ))}
        </div>
      )}
    </InboxSection>
  );
}
