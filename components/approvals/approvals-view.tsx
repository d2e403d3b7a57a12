"use client";

import { ChangeRequestsSection } from "@/components/approvals/change-requests-section";
import { ReviewTasksSection } from "@/components/approvals/review-tasks-section";
import { PageHeader } from "@/components/ui/page-header";

/** The Approvals inbox: change requests waiting for sign-off, then paused runs' review tasks. */
export function ApprovalsView({
  workspaceId,
  currentUserId,
  canApprove,
  canDecideTasks,
}: {
  workspaceId: string;
  currentUserId: string;
  canApprove: boolean;
  canDecideTasks: boolean;
}) {
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Prompt changes waiting for sign-off, and flow runs paused for a person."
      />
      <div className="flex flex-col gap-12">
        <ChangeRequestsSection
          workspaceId={workspaceId}
          currentUserId={currentUserId}
          canApprove={canApprove}
        />
        <ReviewTasksSection workspaceId={workspaceId} canDecide={canDecideTasks} />
      </div>
    </>
  );
}
