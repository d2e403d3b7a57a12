"use client";

import { useId } from "react";
import {
  useController,
  type Control,
  type FieldPathByValue,
  type FieldValues,
} from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { ROLES, type Role } from "@/lib/schemas/identity";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/components/settings/members/roles";

/** The roles checkbox group (a fieldset with legend "Roles") of a form; checkboxes are named after the roles. */
export function RolesField<T extends FieldValues, TOut>({
  control,
  name,
}: {
  control: Control<T, unknown, TOut>;
  name: FieldPathByValue<T, Role[]>;
}) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: Role[] = field.value;
  const error = fieldState.error?.message;
  const toggle = (role: Role, checked: boolean) =>
    field.onChange(ROLES.filter((item) => (item === role ? checked : value.includes(item))));
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium">Roles</legend>
      <div className="flex flex-col divide-y rounded-md border">
        {ROLES.map((role) => (
          <div key={role} className="flex items-start gap-3 px-3 py-2.5">
            <Checkbox
              id={`${id}-${role}`}
              className="mt-0.5"
              checked={value.includes(role)}
              onCheckedChange={(checked) => toggle(role, checked === true)}
              aria-describedby={`${id}-${role}-hint`}
              aria-invalid={Boolean(error)}
            />
            <div className="flex flex-col gap-0.5">
              <label htmlFor={`${id}-${role}`} className="text-sm font-medium leading-none">
                {ROLE_LABELS[role]}
              </label>
              <p id={`${id}-${role}-hint`} className="text-xs text-muted-foreground">
                {ROLE_DESCRIPTIONS[role]}
              </p>
            </div>
          </div>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
