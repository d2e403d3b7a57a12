"use client";

import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { AuthField } from "@/components/auth/auth-form";
import { useServerForm, type ServerFormOptions } from "@/components/forms/use-server-form";

/**
 * Props for an AuthForm: `submit` resolves with the page to load next, and `busy` stays true
 * from submitting until the browser leaves; server issues land on the matching `fields`.
 */
export function useAuthForm<T extends FieldValues, TOut>(
  form: UseFormReturn<T, unknown, TOut>,
  fields: readonly AuthField<T>[],
  submit: (values: TOut) => Promise<string>,
  options?: ServerFormOptions,
) {
  const [redirecting, setRedirecting] = useState(false);
  const { formError, onSubmit } = useServerForm(
    form,
    fields.map((field) => field.name),
    async (values) => {
      const next = await submit(values);
      setRedirecting(true);
      window.location.assign(next);
    },
    options,
  );
  return { form, fields, formError, onSubmit, busy: form.formState.isSubmitting || redirecting };
}
