"use client";

import { useForm } from "react-hook-form";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import {
  editableText,
  editableValue,
  editedDraft,
  isValidatorDraft,
  jsonError,
} from "@/components/approvals/draft";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextareaField } from "@/components/ui/form-field";
import type { HumanDecisionInput, HumanTaskDto } from "@/lib/query/human-tasks";

/** Longest reject comment the API accepts. */
const MAX_COMMENT = 5_000;

interface DecisionDialogProps {
  task: HumanTaskDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pending: boolean;
  /** Sends the decision; resolves when done (or already decided elsewhere), throws otherwise. */
  onDecide: (decision: HumanDecisionInput) => Promise<void>;
}

/** Replaces the draft: a textarea prefilled with its text or JSON; JSON must parse. */
export function EditDraftDialog({
  task,
  open,
  onOpenChange,
  pending,
  onDecide,
}: DecisionDialogProps) {
  const draft = task.payload.draft;
  const { text, json } = editableText(editableValue(draft));
  const form = useForm<{ text: string }>({ defaultValues: { text } });
  const dialog = useFormDialog(form, ["text"], onOpenChange, async (values) => {
    await onDecide({ action: "edit", value: editedDraft(draft, values.text) });
  });
  const validate = (value: string) =>
    json
      ? (jsonError(value) ?? true)
      : value.trim()
        ? true
        : "Enter the edited draft, or use Reject to stop it.";
  const fieldId = `edit-draft-${task.id}`;

  return (
    <FormDialog
      {...dialog}
      open={open}
      className="max-w-2xl"
      title={`Edit draft of ${task.nodeId}`}
      description={
        <>
          The run continues with your version instead of the original
          {isValidatorDraft(draft) ? " (the guardrail checks are not repeated here)" : ""}.
        </>
      }
      submitLabel="Send edited draft"
      pending={pending}
    >
      <TextareaField
        id={fieldId}
        label={json ? "Draft (JSON)" : "Draft"}
        hint={json ? "Keep it valid JSON; it is sent as data, not as text." : undefined}
        rows={json ? 14 : 10}
        className={json ? "font-mono text-xs" : "leading-relaxed"}
        spellCheck={!json}
        {...bindField(form, "text", { validate })}
      />
    </FormDialog>
  );
}

/** Rejects the draft, with an optional comment for whoever follows the rejected path. */
export function RejectDialog({ task, open, onOpenChange, pending, onDecide }: DecisionDialogProps) {
  const form = useForm<{ comment: string }>({ defaultValues: { comment: "" } });
  const dialog = useFormDialog(form, ["comment"], onOpenChange, async ({ comment }) => {
    const trimmed = comment.trim();
    await onDecide(trimmed ? { action: "reject", comment: trimmed } : { action: "reject" });
  });

  return (
    <FormDialog
      {...dialog}
      open={open}
      title={`Reject draft of ${task.nodeId}?`}
      description="The draft is not used; the run continues on its rejected path. This cannot be undone."
      submitLabel="Reject draft"
      pending={pending}
    >
      <TextareaField
        id={`reject-comment-${task.id}`}
        label="Comment (optional)"
        hint="Why it was rejected. Stored with the decision and passed on with the rejected draft."
        rows={4}
        {...bindField(form, "comment", {
          maxLength: {
            value: MAX_COMMENT,
            message: `Keep the comment under ${MAX_COMMENT.toLocaleString()} characters.`,
          },
        })}
      />
    </FormDialog>
  );
}
