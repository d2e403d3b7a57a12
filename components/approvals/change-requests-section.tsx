"use client";

import { FileCheck2 } from "lucide-react";
import Link from "next/link";
import { ChangeRequestTable } from "@/components/approvals/change-request-table";
import { InboxSection } from "@/components/approvals/inbox-section";
import { RequestFilter, useRequestFilter } from "@/components/approvals/request-filter";
import { ListError, ListFooter } from "@/components/settings/list-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import {
  useApprovalsSummary,
  useChangeRequests,
  type ChangeRequestFilter,
} from "@/lib/query/change-requests";

const EMPTY: Record<ChangeRequestFilter, { title: string; text: string }> = {
  open: {
    title: "No open change requests",
    text: "When an editor asks to move a protected prompt label (production by default) to a new version, the request waits here until enough approvers sign off.",
  },
  decided: {
    title: "No decided change requests yet",
    text: "Applied, rejected and cancelled requests are listed here with who decided them.",
  },
};

/** The inbox's change requests: open or decided, with counts, Load more and every list state. */
export function ChangeRequestsSection({
  workspaceId,
  currentUserId,
  canApprove,
}: {
  workspaceId: string;
  currentUserId: string;
  canApprove: boolean;
}) {
  const [filter, setFilter] = useRequestFilter();
  const open = useChangeRequests(workspaceId, "open");
  const decided = useChangeRequests(workspaceId, "decided", filter === "decided");
  const list = filter === "open" ? open : decided;
  const summary = useApprovalsSummary(workspaceId);
  const waiting = new Set(summary.data?.changeRequests.map((request) => request.id));
  const requests = list.data?.pages.flatMap((page) => page.changeRequests) ?? [];
  const openCount = open.data?.pages.reduce((sum, page) => sum + page.changeRequests.length, 0);

  return (
    <InboxSection
      id="change-requests"
      title="Change requests"
      count={openCount}
      countMore={open.hasNextPage}
      countLabel="open"
      description="Requests to move a protected prompt label to another version. The author cannot approve their own request."
      actions={<RequestFilter value={filter} onChange={setFilter} />}
    >
      {!canApprove && (
        <Alert title="You can look, but not decide">
          Your role lets you see change requests. Approvers and admins approve or reject them.
        </Alert>
      )}
      {list.isPending ? (
        <ListSkeleton label="Loading change requests…" rows={3} />
      ) : list.isError && !list.data ? (
        <ListError what="change requests" error={list.error} onRetry={() => void list.refetch()} />
      ) : requests.length === 0 ? (
        <EmptyState
          icon={FileCheck2}
          title={EMPTY[filter].title}
          className="py-10"
          action={
            filter === "open" && (
              <Button asChild variant="outline">
                <Link href="/prompts">View prompts</Link>
              </Button>
            )
          }
        >
          {EMPTY[filter].text}
        </EmptyState>
      ) : (
        <div>
          <ChangeRequestTable
            requests={requests}
            currentUserId={currentUserId}
            waitingForViewer={waiting}
            decided={filter === "decided"}
            label={filter === "open" ? "Open change requests" : "Decided change requests"}
          />
          <ListFooter what="change requests" list={list} testId="change-requests-load-more" />
        </div>
      )}
    </InboxSection>
  );
}
