"use client";

import type { ReactNode } from "react";
import {
  useController,
  type Control,
  type FieldPathByValue,
  type FieldValues,
} from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import type { PromptVersionSummaryDto } from "@/lib/schemas/prompt-library";
import { VersionSelect } from "./version-select";

/** A form's version id field: a labelled select of the prompt's versions, newest first. */
export function VersionField<T extends FieldValues, TOut>({
  control,
  name,
  id,
  label,
  hint,
  versions,
}: {
  control: Control<T, unknown, TOut>;
  name: FieldPathByValue<T, string>;
  id: string;
  label: string;
  hint?: ReactNode;
  versions: PromptVersionSummaryDto[];
}) {
  const { field, fieldState } = useController({ control, name });
  return (
    <FormField id={id} label={label} hint={hint} error={fieldState.error?.message}>
      {(props) => (
        <VersionSelect
          id={props.id}
          describedBy={props["aria-describedby"]}
          versions={versions}
          by="id"
          value={field.value}
          onChange={field.onChange}
        />
      )}
    </FormField>
  );
}
