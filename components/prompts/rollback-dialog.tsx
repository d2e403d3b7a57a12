"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { bindField } from "@/components/forms/bind-field";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { Alert } from "@/components/ui/alert";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextareaField } from "@/components/ui/form-field";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/query/api";
import { useLabelHistory, useRollbackLabel } from "@/lib/query/prompt-labels";
import { rollbackLabelSchema } from "@/lib/schemas/prompt-library";
import type { LabelDialogProps } from "./dialog-props";
import { RollbackTargets } from "./rollback-target-field";
import { rollbackTargets } from "./rollback-targets";

const formSchema = rollbackLabelSchema.extend({
  confirmed: z.boolean().refine(Boolean, { message: "Confirm the rollback" }),
});
type FormValues = z.input<typeof formSchema>;

/**
 * An approver's emergency rollback: move a protected label back at once to a version it pointed
 * at before, with a required reason. It skips approval and is audited.
 */
export function RollbackDialog({
  workspaceId,
  prompt,
  label,
  open,
  onOpenChange,
}: LabelDialogProps) {
  const history = useLabelHistory(workspaceId, prompt.id, open ? label.name : null);
  const targets = rollbackTargets(history.data ?? [], label.versionId);
  const rollback = useRollbackLabel(workspaceId, prompt.id);
  const defaults: FormValues = {
    versionId: targets[0]?.versionId ?? "",
    reason: "",
    confirmed: false,
  };
  const form = useForm({ resolver: zodResolver(formSchema), values: defaults });
  const dialog = useFormDialog(
    form,
    ["versionId", "reason", "confirmed"],
    onOpenChange,
    async ({ versionId, reason }) => {
      await rollback.mutateAsync({ label: label.name, versionId, reason });
      const version = targets.find((t) => t.versionId === versionId)?.version;
      toast.success(`Rolled ${label.name} back to v${version}`);
    },
  );
  return (
    <FormDialog
      {...dialog}
      open={open}
      title={`Emergency rollback of ${label.name}`}
      description={`Moves ${label.name} (now v${label.version}) back to a version it pointed at before, at once and without approval. The reason goes to the audit log.`}
      submitLabel="Roll back now"
      pending={rollback.isPending}
      className="max-w-xl"
    >
      {history.isPending ? (
        <LoadingStatus label="Loading the label's history…">
          <Skeleton className="h-24" />
        </LoadingStatus>
      ) : history.isError ? (
        <Alert variant="error" title="Could not load the label's history">
          {errorMessage(history.error)}
        </Alert>
      ) : targets.length === 0 ? (
        <Alert title="Nothing to roll back to">
          {label.name} has not pointed at another version before, so there is no earlier version to
          return to.
        </Alert>
      ) : (
        <>
          <RollbackTargets control={form.control} label={label.name} targets={targets} />
          <TextareaField
            id="rollback-reason"
            label="Reason"
            hint="At least 10 characters. For example: v5 answers in the wrong language."
            rows={3}
            maxLength={2000}
            {...bindField(form, "reason")}
          />
          <CheckboxField
            control={form.control}
            name="confirmed"
            id="rollback-confirmed"
            label={`Move ${label.name} now, without approval`}
            hint={
              <>
                Runs that use this label switch on their next start.
                {form.formState.errors.confirmed && (
                  <span className="block text-sm text-danger">
                    {form.formState.errors.confirmed.message}
                  </span>
                )}
              </>
            }
          />
        </>
      )}
    </FormDialog>
  );
}
