import type { FormEventHandler, ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { bindField } from "@/components/forms/bind-field";
import { FormError } from "@/components/forms/form-error";
import { InputField } from "@/components/ui/form-field";

/** One text field of an auth form. */
export interface AuthField<T extends FieldValues> {
  name: Path<T>;
  id: string;
  label: string;
  autoComplete: string;
  type?: "email" | "password";
  hint?: string;
}

/** The form of an auth page: its name, the form-level error, the fields (the first focused), then `children`. */
export function AuthForm<T extends FieldValues, TOut>({
  form,
  fields,
  label,
  errorTestId,
  formError,
  onSubmit,
  children,
}: {
  form: UseFormReturn<T, unknown, TOut>;
  fields: readonly AuthField<T>[];
  label: string;
  errorTestId: string;
  formError: string | null;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      method="post"
      noValidate
      aria-label={label}
    >
      <FormError message={formError} testId={errorTestId} />
      {fields.map(({ name, ...field }, index) => (
        <InputField key={name} {...field} autoFocus={index === 0} {...bindField(form, name)} />
      ))}
      {children}
    </form>
  );
}
