"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerError } from "@/components/forms/server-errors";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { changePasswordSchema } from "@/lib/schemas/identity";
import { apiFetch } from "@/lib/query/api";

const formSchema = changePasswordSchema
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ["confirmPassword"],
    error: "The passwords do not match",
  });

/** Current, new and confirmed password; on success the server re-issues the session and the app opens. */
export function ChangePasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const form = useForm({
    resolver: zodResolver(formSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    try {
      await apiFetch("/api/me/password", {
        method: "POST",
        json: { currentPassword, newPassword },
      });
      setRedirecting(true);
      window.location.assign("/flows");
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ["currentPassword", "newPassword"]));
    }
  });

  const busy = isSubmitting || redirecting;
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      method="post"
      noValidate
      aria-label="Change password"
    >
      <FormError message={formError} testId="change-password-error" />
      <FormField
        id="current-password"
        label="Current password"
        error={errors.currentPassword?.message}
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="current-password"
            autoFocus
            {...form.register("currentPassword")}
          />
        )}
      </FormField>
      <FormField
        id="new-password"
        label="New password"
        error={errors.newPassword?.message}
        hint="At least 10 characters."
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="new-password"
            {...form.register("newPassword")}
          />
        )}
      </FormField>
      <FormField
        id="confirm-password"
        label="Confirm password"
        error={errors.confirmPassword?.message}
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="new-password"
            {...form.register("confirmPassword")}
          />
        )}
      </FormField>
      <Button type="submit" className="mt-2 w-full" disabled={busy}>
        {busy && <Spinner />}
        Change password
      </Button>
    </form>
  );
}
