"use client";

import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { errorsAt, type JsonSchema, type WidgetProps } from "./schema-utils";

/** Whether a schema is an enum of strings, edited with a select. */
export function isStringEnum(schema: JsonSchema): boolean {
  return Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string");
}

/** A select over a string enum; "—" clears it when optional or unset. */
export function EnumField({
  id,
  label,
  hint,
  value,
  set,
  schema,
  required,
  errors,
  path,
}: WidgetProps) {
  const options = schema.enum as string[];
  return (
    <FormField id={id} label={label} hint={hint} error={errorsAt(errors, path, false)}>
      {(control) => (
        <Select
          {...control}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => set(event.target.value || undefined)}
        >
          {(!required || value === undefined) && <option value="">—</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
