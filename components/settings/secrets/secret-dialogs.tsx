"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { ComponentProps } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { InputField, TextareaField } from "@/components/ui/form-field";
import { createSecretSchema, updateSecretSchema, type SecretDto } from "@/lib/schemas/settings";
import { useCreateSecret, useReplaceSecret } from "@/lib/query/secrets";

interface DialogProps {
  workspaceId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The write-only secret value: a monospace textarea without autocomplete or spellcheck. */
function SecretValueField(props: Omit<ComponentProps<typeof TextareaField>, "hint">) {
  return (
    <TextareaField
      hint="Write-only: after saving, nobody can read the value back in the UI or the API."
      className="font-mono"
      autoComplete="off"
      spellCheck={false}
      {...props}
    />
  );
}

/** Creates a secret: a name flows refer to and a write-only value. */
export function AddSecretDialog({ workspaceId, open, onOpenChange }: DialogProps) {
  const create = useCreateSecret(workspaceId);
  const form = useForm({
    resolver: zodResolver(createSecretSchema),
    defaultValues: { name: "", value: "" },
  });
  const dialog = useFormDialog(form, ["name", "value"], onOpenChange, async (values) => {
    await create.mutateAsync(values);
    toast.success(`Added secret ${values.name}`);
  });
  return (
    <FormDialog
      {...dialog}
      open={open}
      title="Add secret"
      description="Flows use a secret by its name, for example as a header of an HTTP tool."
      submitLabel="Add secret"
      pending={create.isPending}
    >
      <InputField
        id="secret-name"
        label="Name"
        hint="Letters, digits and _, starting with a letter or _. For example CRM_API_TOKEN."
        className="font-mono"
        autoComplete="off"
        spellCheck={false}
        {...bindField(form, "name")}
      />
      <SecretValueField id="secret-value" label="Value" {...bindField(form, "value")} />
    </FormDialog>
  );
}

/** Replaces the value of an existing secret. */
export function ReplaceSecretDialog({
  workspaceId,
  secret,
  open,
  onOpenChange,
}: DialogProps & { secret: SecretDto }) {
  const replace = useReplaceSecret(workspaceId);
  const form = useForm({ resolver: zodResolver(updateSecretSchema), defaultValues: { value: "" } });
  const dialog = useFormDialog(form, ["value"], onOpenChange, async ({ value }) => {
    await replace.mutateAsync({ id: secret.id, value });
    toast.success(`Replaced the value of ${secret.name}`);
  });
  return (
    <FormDialog
      {...dialog}
      open={open}
      title={`Replace value of ${secret.name}`}
      description="Runs that start after you save use the new value."
      submitLabel="Replace value"
      pending={replace.isPending}
    >
      <SecretValueField id="secret-new-value" label="New value" {...bindField(form, "value")} />
    </FormDialog>
  );
}
