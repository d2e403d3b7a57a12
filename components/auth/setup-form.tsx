"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerError } from "@/components/forms/server-errors";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { setupSchema } from "@/lib/schemas/identity";
import { apiFetch } from "@/lib/query/api";

const FIELDS = ["name", "email", "password", "workspaceName"] as const;

/** Creates the first admin and workspace, signs in, and opens the app. */
export function SetupForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const form = useForm({
    resolver: zodResolver(setupSchema),
    defaultValues: { name: "", email: "", password: "", workspaceName: "My workspace" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await apiFetch("/api/setup", { method: "POST", json: values });
      await apiFetch("/api/login", {
        method: "POST",
        json: { email: values.email, password: values.password },
      });
      setRedirecting(true);
      window.location.assign("/flows");
    } catch (error) {
      setFormError(applyServerError(error, form.setError, FIELDS));
    }
  });

  const busy = isSubmitting || redirecting;
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      method="post"
      noValidate
      aria-label="Set up Trellis"
    >
      <FormError message={formError} testId="setup-error" />
      <FormField id="setup-name" label="Your name" error={errors.name?.message}>
        {(control) => (
          <Input {...control} autoComplete="name" autoFocus {...form.register("name")} />
        )}
      </FormField>
      <FormField id="setup-email" label="Email" error={errors.email?.message}>
        {(control) => (
          <Input {...control} type="email" autoComplete="username" {...form.register("email")} />
        )}
      </FormField>
      <FormField
        id="setup-password"
        label="Password"
        error={errors.password?.message}
        hint="At least 10 characters."
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="new-password"
            {...form.register("password")}
          />
        )}
      </FormField>
      <FormField
        id="setup-workspace"
        label="Workspace name"
        error={errors.workspaceName?.message}
        hint="You can rename it or create more workspaces later."
      >
        {(control) => (
          <Input {...control} autoComplete="organization" {...form.register("workspaceName")} />
        )}
      </FormField>
      <Button type="submit" className="mt-2 w-full" disabled={busy}>
        {busy && <Spinner />}
        Create admin account
      </Button>
    </form>
  );
}
