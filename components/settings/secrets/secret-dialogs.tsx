"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
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
import { createSecretSchema, updateSecretSchema, type SecretDto } from "@/lib/schemas/settings";
import { useCreateSecret, useReplaceSecret } from "@/lib/query/secrets";

interface DialogProps {
  workspaceId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const VALUE_HINT = "Write-only: after saving, nobody can read the value back in the UI or the API.";

/** Creates a secret: a name flows refer to and a write-only value. */
export function AddSecretDialog({ workspaceId, open, onOpenChange }: DialogProps) {
  const create = useCreateSecret(workspaceId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(createSecretSchema),
    defaultValues: { name: "", value: "" },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    onOpenChange(false);
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await create.mutateAsync(values);
      toast.success(`Added secret ${values.name}`);
      close();
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ["name", "value"]));
    }
  });
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add secret</DialogTitle>
          <DialogDescription>
            Flows use a secret by its name, for example as a header of an HTTP tool.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <FormError message={formError} />
          <FormField
            id="secret-name"
            label="Name"
            error={form.formState.errors.name?.message}
            hint="Letters, digits and _, starting with a letter or _. For example CRM_API_TOKEN."
          >
            {(control) => (
              <Input
                {...control}
                className="font-mono"
                autoComplete="off"
                spellCheck={false}
                {...form.register("name")}
              />
            )}
          </FormField>
          <FormField
            id="secret-value"
            label="Value"
            error={form.formState.errors.value?.message}
            hint={VALUE_HINT}
          >
            {(control) => (
              <Textarea
                {...control}
                className="font-mono"
                autoComplete="off"
                spellCheck={false}
                {...form.register("value")}
              />
            )}
          </FormField>
          <DialogFooter>
            <Button variant="outline" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending && <Spinner />}
              Add secret
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
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
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(updateSecretSchema), defaultValues: { value: "" } });
  const close = () => {
    form.reset();
    setFormError(null);
    onOpenChange(false);
  };
  const onSubmit = form.handleSubmit(async ({ value }) => {
    setFormError(null);
    try {
      await replace.mutateAsync({ id: secret.id, value });
      toast.success(`Replaced the value of ${secret.name}`);
      close();
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ["value"]));
    }
  });
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Replace value of {secret.name}</DialogTitle>
          <DialogDescription>Runs that start after you save use the new value.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <FormError message={formError} />
          <FormField
            id="secret-new-value"
            label="New value"
            error={form.formState.errors.value?.message}
            hint={VALUE_HINT}
          >
            {(control) => (
              <Textarea
                {...control}
                className="font-mono"
                autoComplete="off"
                spellCheck={false}
                {...form.register("value")}
              />
            )}
          </FormField>
          <DialogFooter>
            <Button variant="outline" onClick={close} disabled={replace.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={replace.isPending}>
              {replace.isPending && <Spinner />}
              Replace value
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
