"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { InputField } from "@/components/ui/form-field";
import { useCreateLabel } from "@/lib/query/prompt-labels";
import { createLabelSchema } from "@/lib/schemas/prompt-library";
import type { PromptDialogProps } from "./dialog-props";
import { VersionField } from "./version-field";

/** Creates a custom (unprotected) label pointing at a version. */
export function NewLabelDialog({ workspaceId, prompt, open, onOpenChange }: PromptDialogProps) {
  const create = useCreateLabel(workspaceId, prompt.id);
  const form = useForm({
    resolver: zodResolver(createLabelSchema),
    values: { name: "", versionId: prompt.versions[0]?.id ?? "" },
  });
  const dialog = useFormDialog(form, ["name", "versionId"], onOpenChange, async (input) => {
    await create.mutateAsync(input);
    toast.success(`Created label ${input.name}`);
  });
  return (
    <FormDialog
      {...dialog}
      open={open}
      title="New label"
      description="A custom label, such as canary or eu, that LLM steps can reference instead of production."
      submitLabel="Create label"
      pending={create.isPending}
    >
      <InputField
        id="new-label-name"
        label="Name"
        hint="Lowercase letters, digits, - and _, starting with a letter."
        autoComplete="off"
        maxLength={40}
        {...bindField(form, "name")}
      />
      <VersionField
        control={form.control}
        name="versionId"
        id="new-label-version"
        label="Points at"
        versions={prompt.versions}
      />
    </FormDialog>
  );
}
