"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextareaField } from "@/components/ui/form-field";
import { useUpdatePromptDescription } from "@/lib/query/prompts";
import { updatePromptSchema } from "@/lib/schemas/prompt-library";

import type { PromptDialogProps } from "./dialog-props";

/** Edits the prompt's description (not versioned: it describes the prompt, not a version). */
export function EditDescriptionDialog({
  workspaceId,
  prompt,
  open,
  onOpenChange,
}: PromptDialogProps) {
  const update = useUpdatePromptDescription(workspaceId, prompt.id);
  const form = useForm({
    resolver: zodResolver(updatePromptSchema),
    values: { description: prompt.description },
  });
  const dialog = useFormDialog(form, ["description"], onOpenChange, async ({ description }) => {
    await update.mutateAsync(description);
    toast.success("Saved the description");
  });
  return (
    <FormDialog
      {...dialog}
      open={open}
      title="Edit description"
      description="What the prompt is for. It shows in the prompts list and the flow editor's prompt picker; it is not part of versions."
      submitLabel="Save description"
      pending={update.isPending}
    >
      <TextareaField
        id="prompt-description"
        label="Description"
        rows={4}
        maxLength={2000}
        {...bindField(form, "description")}
      />
    </FormDialog>
  );
}
