"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { InputField, TextareaField } from "@/components/ui/form-field";
import { useCreatePrompt } from "@/lib/query/prompts";
import { createPromptSchema, promptTemplateSchema } from "@/lib/schemas/prompt-library";
import { PromptSettingsFields, type PromptSettings } from "./prompt-settings-fields";
import { keepOpenWhileCompleting, TemplateField } from "./template-field";
import { useTemplateAnalysis } from "./use-template-analysis";

const formSchema = createPromptSchema.pick({ name: true, description: true }).extend({
  template: promptTemplateSchema.refine((template) => template.trim() !== "", {
    message: "Write the prompt's template.",
  }),
  settings: z.custom<PromptSettings>(),
});
type FormValues = z.input<typeof formSchema>;

const EMPTY: FormValues = {
  name: "",
  description: "",
  template: "",
  settings: { parameters: {} },
};

/** The template editor bound to the form, with its live analysis. */
function TemplateInput({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const analysis = useTemplateAnalysis(value);
  return (
    <TemplateField
      value={value}
      onChange={onChange}
      analysis={analysis}
      completions={["input"]}
      error={error}
    />
  );
}

/** Creates a prompt with its first version (template, model, parameters) and opens it. */
export function NewPromptDialog({
  workspaceId,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const create = useCreatePrompt(workspaceId);
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(formSchema), defaultValues: EMPTY });
  const dialog = useFormDialog(
    form,
    ["name", "description", "template"],
    onOpenChange,
    async ({ name, description, template, settings }) => {
      const { prompt } = await create.mutateAsync({
        name,
        description,
        template,
        ...(settings.model ? { model: settings.model } : {}),
        parameters: settings.parameters,
        message: "First version",
      });
      toast.success(`Created ${prompt.name}`);
      router.push(`/prompts/${encodeURIComponent(prompt.id)}`);
    },
  );
  return (
    <FormDialog
      {...dialog}
      open={open}
      title="New prompt"
      description="Its first version is saved as v1. LLM steps reference it by name and a label, or pin a version."
      submitLabel="Create and open"
      pending={create.isPending}
      className="max-w-2xl"
      onEscapeKeyDown={keepOpenWhileCompleting}
    >
      <InputField
        id="new-prompt-name"
        label="Name"
        hint="Lowercase, for example support.triage. Flows reference the prompt by this name."
        autoComplete="off"
        maxLength={80}
        {...bindField(form, "name")}
      />
      <TextareaField
        id="new-prompt-description"
        label="Description"
        hint="Optional. What the prompt is for."
        rows={2}
        {...bindField(form, "description")}
      />
      <Controller
        control={form.control}
        name="template"
        render={({ field, fieldState }) => (
          <TemplateInput
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="settings"
        render={({ field }) => (
          <PromptSettingsFields
            workspaceId={workspaceId}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
    </FormDialog>
  );
}
