"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { ApiKeySecret } from "@/components/settings/api-keys/api-key-secret";
import { ScopeField } from "@/components/settings/api-keys/scope-field";
import { bindField } from "@/components/forms/bind-field";
import { FormError } from "@/components/forms/form-error";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { InputField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useCreateApiKey } from "@/lib/query/api-keys";
import { useEndpoints } from "@/lib/query/endpoints";
import {
  createApiKeySchema,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  type CreatedApiKeyDto,
} from "@/lib/schemas/api-keys";

/** The create form: name, scope and rate limit; mounted afresh each time the dialog opens. */
function CreateForm({
  workspaceId,
  onCreated,
  onCancel,
}: {
  workspaceId: string;
  onCreated: (created: CreatedApiKeyDto) => void;
  onCancel: () => void;
}) {
  const endpoints = useEndpoints(workspaceId);
  const create = useCreateApiKey(workspaceId);
  const list = endpoints.data ?? [];
  const form = useForm({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: {
      name: "",
      allEndpoints: false,
      endpointIds: [],
      rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
    },
  });
  const { formError, onSubmit } = useServerForm(
    form,
    ["name", "allEndpoints", "endpointIds", "rateLimitPerMinute"],
    async (values) => {
      const created = await create.mutateAsync(values);
      toast.success(`Created API key ${created.apiKey.name}`);
      onCreated(created);
    },
  );
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={formError} />
      <InputField
        id="api-key-name"
        label="Name"
        hint="Run history shows it for the runs the key starts, for example “Helpdesk integration”."
        autoComplete="off"
        {...bindField(form, "name")}
      />
      <ScopeField control={form.control} endpoints={list} loading={endpoints.isPending} />
      <InputField
        id="api-key-rate-limit"
        label="Rate limit (calls per minute)"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        className="w-40"
        hint="Calls beyond it get 429 with Retry-After."
        {...bindField(form, "rateLimitPerMinute", { valueAsNumber: true })}
      />
      <DialogFooter>
        <Button variant="outline" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <SubmitButton pending={create.isPending}>Create key</SubmitButton>
      </DialogFooter>
    </form>
  );
}

/** Creates an API key, then shows its secret and webhook secret once with copy buttons. */
export function CreateApiKeyDialog({
  workspaceId,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);
  const close = (next: boolean) => {
    if (!next) setCreated(null);
    onOpenChange(next);
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        className="sm:max-w-xl"
        onInteractOutside={(event) => created && event.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>{created ? `API key ${created.apiKey.name}` : "Create API key"}</DialogTitle>
          <DialogDescription>
            {created
              ? "The key works at once on the endpoints it is scoped to."
              : "Other systems use the key to call your endpoints; each key has its own scope and rate limit."}
          </DialogDescription>
        </DialogHeader>
        {created ? (
          <>
            <ApiKeySecret created={created} />
            <DialogFooter>
              <Button onClick={() => close(false)}>I have copied the key</Button>
            </DialogFooter>
          </>
        ) : (
          <CreateForm
            workspaceId={workspaceId}
            onCreated={setCreated}
            onCancel={() => close(false)}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
