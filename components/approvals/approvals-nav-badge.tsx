"use client";

import { useApprovalsSummary } from "@/lib/query/change-requests";

/** How many approvals wait for the viewer, as a pill for the sidebar's Approvals link; nothing at 0. */
export function ApprovalsNavBadge({ workspaceId }: { workspaceId: string }) {
  const summary = useApprovalsSummary(workspaceId);
  if (!summary.data) return null;
  const { total } = summary.data;
  const changeRequests = summary.data.changeRequests.length;
  const humanTasks = summary.data.humanTasks.length;
  if (total === 0) return null;
  const parts = [
    changeRequests > 0 &&
      `${changeRequests} change request${changeRequests === 1 ? "" : "s"} to decide`,
    humanTasks > 0 && `${humanTasks} review task${humanTasks === 1 ? "" : "s"} open`,
  ].filter(Boolean);
  return (
    <span
      className="ml-auto inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground tabular-nums"
      title={parts.join(", ")}
      data-testid="approvals-count"
    >
      <span aria-hidden>{total > 99 ? "99+" : total}</span>
      <span className="sr-only">({total} waiting)</span>
    </span>
  );
}
