"use client";

import { Check, X } from "lucide-react";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { bindField } from "@/components/forms/bind-field";
import { FormError } from "@/components/forms/form-error";
import { useServerForm } from "@/components/forms/use-server-form";
import { requestSubject } from "@/components/approvals/request-target";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/query/api";
import { useDecideChangeRequest } from "@/lib/query/change-requests";
import { decisionSchema, type ChangeRequestDetailDto } from "@/lib/schemas/change-requests";

type Decision = "approve" | "reject";

/** The toast after a decision, from the request as the server answered it. */
function announce(request: ChangeRequestDetailDto): void {
  const subject = requestSubject(request);
  const { version } = request.target;
  if (request.status === "rejected")
    toast.success("Rejected", { description: `${subject} stays where it is.` });
  else if (request.status === "applied" || request.status === "approved")
    toast.success("Approved and applied", { description: `${subject} now points at v${version}.` });
  else
    toast.success("Approved", {
      description: `${request.approvals} of ${request.requiredApprovals} approvals so far.`,
    });
}

/** The approver's comment and Approve / Reject buttons; rejecting needs a comment (the API's rule). */
export function DecisionForm({
  workspaceId,
  requestId,
}: {
  workspaceId: string;
  requestId: string;
}) {
  const decide = useDecideChangeRequest(workspaceId, requestId);
  const form = useForm<{ comment: string }>({ defaultValues: { comment: "" } });
  const chosen = useRef<Decision>("approve");
  const { formError, onSubmit } = useServerForm(form, ["comment"], async ({ comment }) => {
    const body = { decision: chosen.current, comment };
    const parsed = decisionSchema.safeParse(body);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Check the comment.";
      form.setError("comment", { type: "validate", message }, { shouldFocus: true });
      return;
    }
    let request: ChangeRequestDetailDto;
    try {
      request = await decide.mutateAsync(parsed.data);
    } catch (error) {
      toast.error(errorMessage(error));
      throw error;
    }
    form.reset();
    announce(request);
  });
  const pending = decide.isPending ? decide.variables?.decision : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Your decision">
      <FormError message={formError} testId="decision-error" />
      <TextareaField
        id="decision-comment"
        label="Comment"
        hint="Optional to approve, required to reject. The author and other approvers see it."
        rows={3}
        {...bindField(form, "comment")}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          disabled={decide.isPending}
          onClick={() => (chosen.current = "approve")}
        >
          {pending === "approve" ? <Spinner /> : <Check aria-hidden />}
          Approve
        </Button>
        <Button
          type="submit"
          variant="outline"
          className="text-danger hover:text-danger"
          disabled={decide.isPending}
          onClick={() => (chosen.current = "reject")}
        >
          {pending === "reject" ? <Spinner /> : <X aria-hidden />}
          Reject
        </Button>
      </div>
    </form>
  );
}
