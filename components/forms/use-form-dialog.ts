"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { useServerForm } from "@/components/forms/use-server-form";

/**
 * The state of a FormDialog: submitting runs `submit` then closes; closing in any way (Cancel,
 * Escape, the close button, success) resets the form and clears the form-level error.
 */
export function useFormDialog<T extends FieldValues, TOut>(
  form: UseFormReturn<T, unknown, TOut>,
  fields: readonly Path<T>[],
  onOpenChange: (open: boolean) => void,
  submit: (values: TOut) => Promise<void>,
) {
  const { formError, setFormError, onSubmit } = useServerForm(form, fields, async (values) => {
    await submit(values);
    form.reset();
    onOpenChange(false);
  });
  const onDialogOpenChange = (open: boolean) => {
    if (!open) {
      form.reset();
      setFormError(null);
    }
    onOpenChange(open);
  };
  return { formError, onSubmit, onOpenChange: onDialogOpenChange };
}
