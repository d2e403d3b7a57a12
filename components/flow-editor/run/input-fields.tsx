"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { InputField } from "./input-schema";

/** One run-input field, labelled, with its hint and errors. */
export function InputFieldControl({
  field,
  value,
  error,
  onChange,
}: {
  field: InputField;
  value: string | boolean | undefined;
  error?: string;
  onChange: (value: string | boolean) => void;
}) {
  const id = `run-input-${field.name}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const label = field.required ? field.label : `${field.label} (optional)`;
  const text = typeof value === "string" ? value : "";

  if (field.kind === "boolean") {
    return (
      <div className="flex flex-col gap-1">
        <div className="flex items-center gap-2">
          <Checkbox
            id={id}
            checked={value === true}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            onCheckedChange={(checked) => onChange(checked === true)}
          />
          <Label htmlFor={id}>{label}</Label>
        </div>
        {error && (
          <p id={`${id}-error`} className="text-sm text-danger">
            {error}
          </p>
        )}
      </div>
    );
  }

  const hint =
    field.kind === "lines"
      ? [field.description, "One per line."].filter(Boolean).join(" ")
      : field.description;
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) =>
        field.kind === "enum" ? (
          <Select {...control} value={text} onChange={(event) => onChange(event.target.value)}>
            {(!field.required || text === "") && <option value="">—</option>}
            {field.options?.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        ) : field.kind === "long-text" || field.kind === "lines" ? (
          <Textarea
            {...control}
            className="min-h-20 text-sm"
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <Input
            {...control}
            inputMode={
              field.kind === "integer" ? "numeric" : field.kind === "number" ? "decimal" : undefined
            }
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FormField>
  );
}
