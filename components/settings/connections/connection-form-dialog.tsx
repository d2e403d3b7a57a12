"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import {
  baseUrlChanged,
  CONNECTION_FIELDS,
  connectionFormSchema,
  initialValues,
  toCreateBody,
  toUpdateBody,
  type ConnectionFormValues,
} from "@/components/settings/connections/connection-form";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
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
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => connectionFormSchema(original), [original]);
  const form = useForm<ConnectionFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(original),
  });
  const { errors } = form.formState;
  const pending = create.isPending || update.isPending;
  const baseUrl = useWatch({ control: form.control, name: "baseUrl" });
  const keyRequired = !original || baseUrlChanged(original, baseUrl);

  const close = () => {
    form.reset(initialValues(original));
    setFormError(null);
    onOpenChange(false);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (original)
        await update.mutateAsync({ id: original.id, input: toUpdateBody(original, values) });
      else await create.mutateAsync(toCreateBody(values));
      toast.success(original ? `Saved ${original.name}` : `Added ${values.name.trim()}`);
      close();
    } catch (error) {
      setFormError(applyServerError(error, form.setError, CONNECTION_FIELDS));
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{original ? `Edit ${original.name}` : "Add model connection"}</DialogTitle>
          <DialogDescription>
            Connect OpenAI or any OpenAI-compatible server. Flows refer to a model as connection
            name plus model id.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <FormError message={formError} />
          {!original && (
            <FormField
              id="connection-name"
              label="Name"
              error={errors.name?.message}
              hint="Lowercase letters, digits, - and _. It cannot be changed later."
            >
              {(control) => (
                <Input
                  {...control}
                  autoComplete="off"
                  placeholder="openai"
                  {...form.register("name")}
                />
              )}
            </FormField>
          )}
          <FormField
            id="connection-base-url"
            label="Base URL (optional)"
            error={errors.baseUrl?.message}
            hint="Leave empty for OpenAI. Any OpenAI-compatible server works: Azure OpenAI, vLLM, Ollama, LM Studio, OpenRouter."
          >
            {(control) => (
              <Input
                {...control}
                type="url"
                autoComplete="off"
                placeholder="https://api.openai.com/v1"
                {...form.register("baseUrl")}
              />
            )}
          </FormField>
          <FormField
            id="connection-api-key"
            label="API key"
            error={errors.apiKey?.message}
            hint={
              keyRequired
                ? original
                  ? "Required because the base URL changed. Stored encrypted; it is never shown again."
                  : "Stored encrypted; it is never shown again."
                : "Leave empty to keep the current key."
            }
          >
            {(control) => (
              <Input
                {...control}
                type="password"
                autoComplete="new-password"
                placeholder={original?.hasApiKey ? "••••••••  (key set)" : "sk-…"}
                {...form.register("apiKey")}
              />
            )}
          </FormField>
          <FormField
            id="connection-models"
            label="Models"
            error={errors.models?.message}
            hint="One per line or separated by commas, for example gpt-4o-mini. These show up in the model picker."
          >
            {(control) => (
              <Textarea
                {...control}
                rows={3}
                className="font-mono"
                spellCheck={false}
                {...form.register("models")}
              />
            )}
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              id="connection-max-concurrent"
              label="Max concurrent calls"
              error={errors.maxConcurrent?.message}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  min={1}
                  max={1000}
                  {...form.register("maxConcurrent", { valueAsNumber: true })}
                />
              )}
            </FormField>
            <FormField
              id="connection-rpm"
              label="Requests per minute"
              error={errors.requestsPerMinute?.message}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  min={1}
                  max={100000}
                  {...form.register("requestsPerMinute", { valueAsNumber: true })}
                />
              )}
            </FormField>
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending && <Spinner />}
              {original ? "Save changes" : "Add connection"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
