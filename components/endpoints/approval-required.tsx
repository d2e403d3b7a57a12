"use client";

import { ArrowRight, ShieldAlert } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ApiClientError, errorMessage } from "@/lib/query/api";
import { useRequestPublishApproval } from "@/lib/query/endpoints";
import { CHANGE_REQUEST_KINDS } from "@/lib/schemas/change-requests";
import type { PublishApprovalDetails, PublishChangeDto } from "@/lib/schemas/endpoints";

/** Whether the server takes `flow.publish` change requests yet; until then the panel links to Approvals. */
const CAN_REQUEST_PUBLISH = (CHANGE_REQUEST_KINDS as readonly string[]).includes("flow.publish");

/** The 403 `approval_required` a repoint answers, with its details; null for any other error. */
export function publishApprovalOf(
  error: unknown,
): { message: string; details: PublishApprovalDetails } | null {
  if (!(error instanceof ApiClientError) || error.code !== "approval_required") return null;
  const details = error.details as Partial<PublishApprovalDetails> | null;
  if (!details?.endpointId || !details.flowVersionId || !Array.isArray(details.changes))
    return null;
  return { message: error.message, details: details as PublishApprovalDetails };
}

function ChangeValue({ value }: { value: string | null }) {
  return value === null ? (
    <span className="text-muted-foreground italic">none</span>
  ) : (
    <code className="font-mono text-xs break-all">{value}</code>
  );
}

/** One model or managed-prompt change of a node: what it was and what it becomes. */
export function ChangeItem({ change }: { change: PublishChangeDto }) {
  return (
    <li className="flex flex-col gap-1 rounded-md border bg-background/70 px-3 py-2">
      <span className="text-xs font-medium">
        {change.nodeLabel}: {change.field === "model" ? "model" : "managed prompt"}
      </span>
      <span className="flex flex-wrap items-center gap-1.5">
        <ChangeValue value={change.from} />
        <ArrowRight className="size-3.5 shrink-0" aria-label="becomes" />
        <ChangeValue value={change.to} />
      </span>
    </li>
  );
}

/**
 * Why a repoint needs approval (the model and prompt changes the server listed) and, once the
 * server takes `flow.publish` change requests, a button that opens one; then a link to it.
 */
export function ApprovalRequired({
  workspaceId,
  message,
  details,
}: {
  workspaceId: string;
  message: string;
  details: PublishApprovalDetails;
}) {
  const request = useRequestPublishApproval(workspaceId);
  const [requestId, setRequestId] = useState<string | null>(null);
  const [requestError, setRequestError] = useState<string | null>(null);
  const onRequest = () => {
    setRequestError(null);
    request.mutate(
      { endpointId: details.endpointId, flowVersionId: details.flowVersionId },
      {
        onSuccess: (created) => {
          setRequestId(created.id);
          toast.success("Approval requested");
        },
        onError: (error) => setRequestError(errorMessage(error)),
      },
    );
  };
  return (
    <div
      role="alert"
      data-testid="approval-required"
      className="flex flex-col gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-900/70 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="flex items-center gap-2 font-medium">
        <ShieldAlert className="size-4 shrink-0" aria-hidden />
        Approval required
      </p>
      <p>{message}</p>
      {details.changes.length > 0 && (
        <ul className="flex flex-col gap-1.5" aria-label="Changes that need approval">
          {details.changes.map((change) => (
            <ChangeItem key={`${change.nodeId}-${change.field}`} change={change} />
          ))}
        </ul>
      )}
      {requestError && (
        <p className="text-danger" data-testid="approval-request-error">
          {requestError}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {requestId ? (
          <Button asChild size="sm">
            <Link href={`/approvals/requests/${encodeURIComponent(requestId)}`}>
              Open the change request
            </Link>
          </Button>
        ) : (
          CAN_REQUEST_PUBLISH && (
            <Button size="sm" onClick={onRequest} disabled={request.isPending}>
              {request.isPending && <Spinner className="size-4" />}
              Request approval
            </Button>
          )
        )}
        <Button asChild size="sm" variant="outline">
          <Link href="/approvals">Go to approvals</Link>
        </Button>
      </div>
    </div>
  );
}
