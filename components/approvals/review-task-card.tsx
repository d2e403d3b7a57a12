"use client";

import { Check, Copy, Pencil, UserCheck, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { EditDraftDialog, RejectDialog } from "@/components/approvals/decision-dialogs";
import { DraftView, SectionHeading } from "@/components/approvals/draft-view";
import { RelativeTime } from "@/components/approvals/relative-time";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { ApiClientError, errorMessage } from "@/lib/query/api";
import { useRefreshApprovalsSummary } from "@/lib/query/change-requests";
import {
  useDecideHumanTask,
  type HumanDecisionInput,
  type HumanTaskDto,
} from "@/lib/query/human-tasks";

type Action = HumanDecisionInput["action"];

const SUCCESS: Record<Action, { title: string; description: string }> = {
  approve: { title: "Approved", description: "The run continues with the draft as it was." },
  edit: { title: "Edit sent", description: "The run continues with your version." },
  reject: { title: "Rejected", description: "The run continues on its rejected path." },
};

/** True when the task was decided (409) or removed (404) before this decision arrived. */
function isGone(error: unknown): boolean {
  return error instanceof ApiClientError && (error.status === 409 || error.status === 404);
}

function CopyRunId({ runId }: { runId: string }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(runId);
      toast.success("Run ID copied");
    } catch {
      toast.error("Could not copy. Select the run ID and copy it by hand.");
    }
  };
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      className="size-6 text-muted-foreground [&_svg]:size-3.5"
      aria-label="Copy run ID"
      title="Copy run ID"
      onClick={() => void copy()}
    >
      <Copy aria-hidden />
    </Button>
  );
}

/** One open review task: where it comes from, the instructions, the draft and the decision buttons. */
export function ReviewTaskCard({
  workspaceId,
  task,
  canDecide,
}: {
  workspaceId: string;
  task: HumanTaskDto;
  canDecide: boolean;
}) {
  const [dialog, setDialog] = useState<"edit" | "reject" | null>(null);
  const decide = useDecideHumanTask(workspaceId);
  const refreshSummary = useRefreshApprovalsSummary(workspaceId);
  const pendingAction = decide.isPending ? decide.variables?.decision.action : undefined;
  const { instructions, allowEdit } = task.payload;
  const onOpenChange = (open: boolean) => !open && setDialog(null);

  /** Sends a decision; "already decided" becomes a toast (the list refetches), other errors throw. */
  const send = async (decision: HumanDecisionInput) => {
    try {
      await decide.mutateAsync({ id: task.id, decision });
    } catch (error) {
      if (!isGone(error)) throw error;
      refreshSummary();
      toast.error("Already decided by someone else", {
        description: "The list has been refreshed.",
      });
      return;
    }
    refreshSummary();
    const { title, description } = SUCCESS[decision.action];
    toast.success(title, { description: `${description} Run ${task.runId}.` });
  };

  const approve = () =>
    send({ action: "approve" }).catch((error: unknown) => toast.error(errorMessage(error)));

  return (
    <article
      aria-label={`Review task ${task.nodeId} for run ${task.runId}`}
      data-testid="review-task"
      data-task-id={task.id}
    >
      <Card>
        <CardHeader className="gap-2 pb-4">
          <div className="flex items-center gap-2">
            <UserCheck className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            <CardTitle as="h3" className="truncate font-mono" title={task.nodeId}>
              {task.nodeId}
            </CardTitle>
          </div>
          <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-muted-foreground">
            <span className="flex min-w-0 items-center gap-1">
              Run
              <code
                className="truncate rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-foreground"
                data-testid="review-task-run-id"
              >
                {task.runId}
              </code>
              <CopyRunId runId={task.runId} />
            </span>
            <span aria-hidden className="hidden sm:inline">
              ·
            </span>
            <span>
              Paused <RelativeTime iso={task.createdAt} />
            </span>
          </p>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <section>
            <SectionHeading>Instructions</SectionHeading>
            {instructions ? (
              <p className="text-sm break-words whitespace-pre-wrap">{instructions}</p>
            ) : (
              <p className="text-sm text-muted-foreground">No instructions given.</p>
            )}
          </section>
          <DraftView draft={task.payload.draft} />
        </CardContent>
        {canDecide && (
          <CardFooter className="flex-wrap">
            <Button size="sm" disabled={decide.isPending} onClick={() => void approve()}>
              {pendingAction === "approve" ? <Spinner /> : <Check aria-hidden />}
              Approve
            </Button>
            {allowEdit !== false && (
              <Button
                variant="outline"
                size="sm"
                disabled={decide.isPending}
                onClick={() => setDialog("edit")}
              >
                <Pencil aria-hidden />
                Edit
              </Button>
            )}
            <Button
              variant="outline"
              size="sm"
              className="text-danger hover:text-danger"
              disabled={decide.isPending}
              onClick={() => setDialog("reject")}
            >
              <X aria-hidden />
              Reject
            </Button>
            {allowEdit === false && (
              <p className="ml-auto text-xs text-muted-foreground">
                This review step does not allow edits.
              </p>
            )}
          </CardFooter>
        )}
      </Card>
      {canDecide && allowEdit !== false && (
        <EditDraftDialog
          task={task}
          open={dialog === "edit"}
          onOpenChange={onOpenChange}
          pending={pendingAction === "edit"}
          onDecide={send}
        />
      )}
      {canDecide && (
        <RejectDialog
          task={task}
          open={dialog === "reject"}
          onOpenChange={onOpenChange}
          pending={pendingAction === "reject"}
          onDecide={send}
        />
      )}
    </article>
  );
}
