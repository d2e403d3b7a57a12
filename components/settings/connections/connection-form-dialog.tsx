"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import {
  baseUrlChanged,
  CONNECTION_FIELDS,
  connectionFormSchema,
  initialValues,
  toCreateBody,
  toUpdateBody,
  type ConnectionFormValues,
} from "@/components/settings/connections/connection-form";
import { FormDialog } from "@/components/ui/form-dialog";
import { InputField, TextareaField } from "@/components/ui/form-field";
import type { ConnectionDto } from "@/lib/schemas/settings";
import { useCreateConnection, useUpdateConnection } from "@/lib/query/connections";

/** Adds a connection (`original` null) or edits one; the API key is write-only. */
export function ConnectionFormDialog({
  workspaceId,
  original,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  original: ConnectionDto | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const create = useCreateConnection(workspaceId);
  const update = useUpdateConnection(workspaceId);
  const schema = useMemo(() => connectionFormSchema(original), [original]);
  const form = useForm<ConnectionFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(original),
  });
  const baseUrl = useWatch({ control: form.control, name: "baseUrl" });
  const keyRequired = !original || baseUrlChanged(original, baseUrl);
  const dialog = useFormDialog(form, CONNECTION_FIELDS, onOpenChange, async (values) => {
    if (original)
      await update.mutateAsync({ id: original.id, input: toUpdateBody(original, values) });
    else await create.mutateAsync(toCreateBody(values));
    toast.success(original ? `Saved ${original.name}` : `Added ${values.name.trim()}`);
  });

  return (
    <FormDialog
      {...dialog}
      open={open}
      className="max-w-xl"
      title={original ? `Edit ${original.name}` : "Add model connection"}
      description="Connect OpenAI or any OpenAI-compatible server. Flows refer to a model as connection name plus model id."
      submitLabel={original ? "Save changes" : "Add connection"}
      pending={create.isPending || update.isPending}
    >
      {!original && (
        <InputField
          id="connection-name"
          label="Name"
          hint="Lowercase letters, digits, - and _. It cannot be changed later."
          autoComplete="off"
          placeholder="openai"
          {...bindField(form, "name")}
        />
      )}
      <InputField
        id="connection-base-url"
        label="Base URL (optional)"
        hint="Leave empty for OpenAI. Any OpenAI-compatible server works: Azure OpenAI, vLLM, Ollama, LM Studio, OpenRouter."
        type="url"
        autoComplete="off"
        placeholder="https://api.openai.com/v1"
        {...bindField(form, "baseUrl")}
      />
      <InputField
        id="connection-api-key"
        label="API key"
        hint={
          keyRequired
            ? original
              ? "Required because the base URL changed. Stored encrypted; it is never shown again."
              : "Stored encrypted; it is never shown again."
            : "Leave empty to keep the current key."
        }
        type="password"
        autoComplete="new-password"
        placeholder={original?.hasApiKey ? "••••••••  (key set)" : "sk-…"}
        {...bindField(form, "apiKey")}
      />
      <TextareaField
        id="connection-models"
        label="Models"
        hint="One per line or separated by commas, for example gpt-4o-mini. These show up in the model picker."
        rows={3}
        className="font-mono"
        spellCheck={false}
        {...bindField(form, "models")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          id="connection-max-concurrent"
          label="Max concurrent calls"
          type="number"
          min={1}
          max={1000}
          {...bindField(form, "maxConcurrent", { valueAsNumber: true })}
        />
        <InputField
          id="connection-rpm"
          label="Requests per minute"
          type="number"
          min={1}
          max={100000}
          {...bindField(form, "requestsPerMinute", { valueAsNumber: true })}
        />
      </div>
    </FormDialog>
  );
}
