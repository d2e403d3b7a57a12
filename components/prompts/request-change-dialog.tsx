"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { InputField, TextareaField } from "@/components/ui/form-field";
import { useRequestLabelChange } from "@/lib/query/prompt-labels";
import { createChangeRequestSchema } from "@/lib/schemas/change-requests";
import type { LabelDialogProps } from "./dialog-props";
import { VersionField } from "./version-field";
import { proposedVersionId } from "./version-select";

const formSchema = createChangeRequestSchema.options[0].pick({
  versionId: true,
  title: true,
  description: true,
});
type FormValues = z.input<typeof formSchema>;

/**
 * Asks approvers to move a protected label to a version: a change request with a title and a
 * description. The label moves when enough approvers approve it.
 */
export function RequestChangeDialog({
  workspaceId,
  prompt,
  label,
  open,
  onOpenChange,
}: LabelDialogProps) {
  const request = useRequestLabelChange(workspaceId, prompt.id);
  const router = useRouter();
  const defaults: FormValues = {
    versionId: proposedVersionId(prompt, label),
    title: "",
    description: "",
  };
  const form = useForm({ resolver: zodResolver(formSchema), values: defaults });
  const dialog = useFormDialog(
    form,
    ["versionId", "title", "description"],
    onOpenChange,
    async ({ versionId, title, description }) => {
      const version = prompt.versions.find((v) => v.id === versionId)?.version;
      const created = await request.mutateAsync({
        label: label.name,
        versionId,
        title: title || undefined,
        description,
      });
      toast.success(`Requested ${label.name} → v${version}; approvers can decide it now.`, {
        action: {
          label: "Open",
          onClick: () => router.push(`/approvals/requests/${encodeURIComponent(created.id)}`),
        },
      });
    },
  );
  return (
    <FormDialog
      {...dialog}
      open={open}
      title={`Request a change of ${label.name}`}
      description={`The ${label.name} label is protected: it moves only when approvers approve the request. ${
        label.version === null ? "It points at no version yet." : `It points at v${label.version}.`
      }`}
      submitLabel="Request change"
      pending={request.isPending}
    >
      <VersionField
        control={form.control}
        name="versionId"
        id="request-change-version"
        label="Move to"
        hint="Approvers see the diff from the label's version to this one."
        versions={prompt.versions}
      />
      <InputField
        id="request-change-title"
        label="Title"
        hint="Optional. Left empty, it names the prompt, the label and the version."
        maxLength={200}
        autoComplete="off"
        {...bindField(form, "title")}
      />
      <TextareaField
        id="request-change-description"
        label="Description"
        hint="Optional. Why the change, and how it was tested."
        rows={4}
        maxLength={4000}
        {...bindField(form, "description")}
      />
    </FormDialog>
  );
}
