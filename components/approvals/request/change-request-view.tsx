"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { DecisionPanel } from "@/components/approvals/request/decision-panel";
import { PublishChanges } from "@/components/approvals/request/publish-changes";
import { DecisionsList } from "@/components/approvals/request/decisions-list";
import { RequestSummary } from "@/components/approvals/request/request-summary";
import { publishTargetOf } from "@/components/approvals/request-target";
import { PromptDiffView } from "@/components/prompts/prompt-diff-view";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RecordLoadError } from "@/components/ui/record-load-error";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/query/api";
import { useChangeRequest } from "@/lib/query/change-requests";

function BackLink() {
  return (
    <Link
      href="/approvals"
      className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
    >
      <ArrowLeft className="size-4" aria-hidden />
      Approvals
    </Link>
  );
}

/** A change request's page: loading and not-found states, then summary, diff, decisions and actions. */
export function ChangeRequestView({
  workspaceId,
  currentUserId,
  requestId,
}: {
  workspaceId: string;
  currentUserId: string;
  requestId: string;
}) {
  const detail = useChangeRequest(workspaceId, requestId);
  if (detail.isPending)
    return (
      <LoadingStatus label="Loading the change request…" className="flex flex-col gap-4">
        <Skeleton className="h-10 w-80" />
        <Skeleton className="h-28" />
        <Skeleton className="h-72" />
      </LoadingStatus>
    );
  const request = detail.data;
  if (!request) {
    return (
      <>
        <BackLink />
        <RecordLoadError
          what="change request"
          error={detail.error}
          notFound="It does not exist in this workspace."
          actions={(missing) =>
            !missing && (
              <Button
                variant="outline"
                size="sm"
                className="mt-3"
                onClick={() => void detail.refetch()}
              >
                Retry
              </Button>
            )
          }
        />
      </>
    );
  }

  const open = request.status === "open";
  const publish = publishTargetOf(request);
  return (
    <>
      <BackLink />
      <PageHeader title={request.title} />
      <div className="flex flex-col gap-8">
        {detail.isError && (
          <Alert variant="error" title="Could not refresh this request">
            {errorMessage(detail.error)} What you see may be out of date.
          </Alert>
        )}
        <RequestSummary request={request} />
        <section aria-labelledby="description-heading" className="flex flex-col gap-2">
          <h2 id="description-heading" className="text-lg font-semibold">
            Description
          </h2>
          {request.description ? (
            <p className="max-w-3xl text-sm break-words whitespace-pre-wrap">
              {request.description}
            </p>
          ) : (
            <p className="text-sm text-muted-foreground">No description given.</p>
          )}
        </section>
        <section aria-labelledby="diff-heading" className="flex flex-col gap-3">
          <h2 id="diff-heading" className="text-lg font-semibold">
            Changes
          </h2>
          {publish ? (
            <PublishChanges target={publish} />
          ) : request.diff ? (
            <PromptDiffView diff={request.diff} />
          ) : (
            <p className="text-sm text-muted-foreground" data-testid="no-diff">
              {request.target.label} pointed at no version before this request, so there is nothing
              to compare: the request is for v{request.target.version}.
            </p>
          )}
        </section>
        <DecisionsList
          decisions={request.decisions}
          requiredApprovals={request.requiredApprovals}
          open={open}
        />
        {open && (
          <DecisionPanel
            workspaceId={workspaceId}
            request={request}
            isAuthor={request.author.id === currentUserId}
          />
        )}
      </div>
    </>
  );
}
