"use client";

import type { ReactNode } from "react";
import {
  useController,
  type Control,
  type FieldPathByValue,
  type FieldValues,
} from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";

/** A form's boolean field as a checkbox with its label and a hint below (the hint describes it). */
export function CheckboxField<T extends FieldValues, TOut>({
  control,
  name,
  id,
  label,
  hint,
}: {
  control: Control<T, unknown, TOut>;
  name: FieldPathByValue<T, boolean>;
  id: string;
  label: string;
  hint: ReactNode;
}) {
  const { field } = useController({ control, name });
  return (
    <div className="flex items-start gap-2">
      <Checkbox
        id={id}
        checked={field.value}
        onCheckedChange={(checked) => field.onChange(checked === true)}
        onBlur={field.onBlur}
        aria-describedby={`${id}-hint`}
      />
      <div className="flex flex-col gap-1">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
    </div>
  );
}
