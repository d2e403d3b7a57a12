"use client";

import { Ban, UserX } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { DecisionForm } from "@/components/approvals/request/decision-form";
import { FormError } from "@/components/forms/form-error";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { errorMessage } from "@/lib/query/api";
import { useCancelChangeRequest } from "@/lib/query/change-requests";
import type { ChangeRequestDetailDto } from "@/lib/schemas/change-requests";

/** The author's view of their open request: who must decide it, and Cancel (after a confirmation). */
function AuthorActions({
  workspaceId,
  requestId,
  canCancel,
}: {
  workspaceId: string;
  requestId: string;
  canCancel: boolean;
}) {
  const cancel = useCancelChangeRequest(workspaceId, requestId);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onConfirm = () =>
    cancel.mutate(
      {},
      {
        onSuccess: () => {
          setConfirming(false);
          toast.success("Change request cancelled");
        },
        onError: (failure) => {
          setConfirming(false);
          setError(errorMessage(failure));
        },
      },
    );
  return (
    <div className="flex flex-col gap-4">
      <Alert
        title="You opened this request; another approver must decide it."
        data-testid="author-note"
      >
        Nobody can approve their own change, admins included. You can cancel it while it is open.
      </Alert>
      <FormError message={error} testId="cancel-error" />
      {canCancel && (
        <div>
          <Button variant="outline" onClick={() => setConfirming(true)}>
            <Ban aria-hidden />
            Cancel request
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Cancel this change request?"
        description="The label stays where it is, and approvers can no longer decide this request. To ask again, open a new request."
        confirmLabel="Cancel request"
        cancelLabel="Keep it open"
        pending={cancel.isPending}
        onConfirm={onConfirm}
      />
    </div>
  );
}

/** The bottom of an open request: decide it, cancel it (author), or why the viewer cannot decide. */
export function DecisionPanel({
  workspaceId,
  request,
  isAuthor,
}: {
  workspaceId: string;
  request: ChangeRequestDetailDto;
  isAuthor: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{isAuthor ? "Your request" : "Your decision"}</CardTitle>
      </CardHeader>
      <CardContent>
        {isAuthor ? (
          <AuthorActions
            workspaceId={workspaceId}
            requestId={request.id}
            canCancel={request.canManage.allowed}
          />
        ) : request.canDecide.allowed ? (
          <DecisionForm workspaceId={workspaceId} requestId={request.id} />
        ) : (
          <p
            className="flex items-start gap-2 text-sm text-muted-foreground"
            data-testid="cannot-decide"
          >
            <UserX className="mt-0.5 size-4 shrink-0" aria-hidden />
            {request.canDecide.reason ?? "You cannot decide this request."}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
