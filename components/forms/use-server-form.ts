"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { applyServerError } from "@/components/forms/server-errors";

/** Options of useServerForm. */
export interface ServerFormOptions {
  /** The form-level error shown before the first submit. */
  initialError?: string | null;
  /** Rewrites the form-level message of a failed submit (`message` is what no field took). */
  describeError?: (error: unknown, message: string | null) => string | null;
}

/**
 * Validates and submits a react-hook-form form; when `submit` throws, the server's field issues
 * land on the matching `fields` and the rest becomes `formError`.
 */
export function useServerForm<T extends FieldValues, TOut>(
  form: UseFormReturn<T, unknown, TOut>,
  fields: readonly Path<T>[],
  submit: (values: TOut) => Promise<void>,
  { initialError = null, describeError }: ServerFormOptions = {},
) {
  const [formError, setFormError] = useState<string | null>(initialError);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await submit(values);
    } catch (error) {
      const message = applyServerError(error, form.setError, fields);
      setFormError(describeError ? describeError(error, message) : message);
    }
  });
  return { formError, setFormError, onSubmit };
}
