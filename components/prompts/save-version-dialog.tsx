"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { bindField } from "@/components/forms/bind-field";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextareaField } from "@/components/ui/form-field";
import { errorMessage } from "@/lib/query/api";
import { useReviseChangeRequest } from "@/lib/query/prompt-labels";
import type { ChangeRequestSummaryDto } from "@/lib/schemas/change-requests";
import { savePromptVersionSchema } from "@/lib/schemas/prompt-library";
import type { PromptDraftState } from "./use-prompt-draft";

const formSchema = savePromptVersionSchema
  .pick({ message: true })
  .extend({ revise: z.record(z.string(), z.boolean()) });
type FormValues = z.input<typeof formSchema>;

/** "Update change request “Ship v4” (production → v4) to this version". */
function reviseLabel(request: ChangeRequestSummaryDto): string {
  const { label, version } = request.target;
  return `Update change request “${request.title}” (${label} → v${version}) to this version`;
}

/**
 * Asks for a message, then saves the draft as the next version. When the viewer has open change
 * requests for this prompt, each is offered (checked) to be revised to the new version.
 */
export function SaveVersionDialog({
  workspaceId,
  draft,
  myRequests,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  draft: PromptDraftState;
  myRequests: ChangeRequestSummaryDto[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const revise = useReviseChangeRequest(workspaceId);
  const defaults: FormValues = {
    message: "",
    revise: Object.fromEntries(myRequests.map((r) => [r.id, true])),
  };
  const form = useForm({ resolver: zodResolver(formSchema), values: defaults });
  const dialog = useFormDialog(form, ["message"], onOpenChange, async (values) => {
    const outcome = await draft.saveVersion(values.message);
    if (outcome.kind === "conflict") return;
    const { version } = outcome;
    toast.success(`Saved version ${version.version}`);
    for (const request of myRequests.filter((r) => values.revise[r.id])) {
      try {
        await revise.mutateAsync({ id: request.id, versionId: version.id });
        toast.success(`Change request “${request.title}” now asks for v${version.version}`);
      } catch (error) {
        toast.error(`Could not update “${request.title}”: ${errorMessage(error)}`);
      }
    }
  });
  return (
    <FormDialog
      {...dialog}
      open={open}
      title="Save version"
      description={`Saves the template, model and parameters as version ${(draft.base?.version ?? 0) + 1}. Versions never change; labels point at them.`}
      submitLabel="Save version"
      pending={form.formState.isSubmitting}
    >
      <TextareaField
        id="prompt-version-message"
        label="Message"
        hint="What changed, for the history and for approvers. For example: Shorter greeting."
        rows={3}
        maxLength={500}
        {...bindField(form, "message")}
      />
      {myRequests.map((request) => (
        <CheckboxField
          key={request.id}
          control={form.control}
          name={`revise.${request.id}`}
          id={`revise-${request.id}`}
          label={reviseLabel(request)}
          hint="Approvals it has so far no longer count; approvers review the new version."
        />
      ))}
    </FormDialog>
  );
}
