"use client";

import {
  useController,
  type FieldPathByValue,
  type FieldValues,
  type PathValue,
  type UseFormReturn,
} from "react-hook-form";
import { TemporaryPasswordInput } from "@/components/settings/members/temporary-password-input";
import { FormField } from "@/components/ui/form-field";

/** The "Temporary password" field of a form: the input with Generate and Copy, hint and error. */
export function TemporaryPasswordField<T extends FieldValues, TOut>({
  form,
  name,
  id,
  hint,
}: {
  form: UseFormReturn<T, unknown, TOut>;
  name: FieldPathByValue<T, string>;
  id: string;
  hint: string;
}) {
  const { field, fieldState } = useController({ control: form.control, name });
  return (
    <FormField id={id} label="Temporary password" error={fieldState.error?.message} hint={hint}>
      {(control) => (
        <TemporaryPasswordInput
          {...control}
          {...field}
          onGenerate={(password) =>
            form.setValue(name, password as PathValue<T, typeof name>, {
              shouldValidate: true,
              shouldDirty: true,
            })
          }
        />
      )}
    </FormField>
  );
}
