"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { errorsAt, type WidgetProps } from "./schema-utils";

/** A switch (button role="switch") with a visible label. */
function SwitchField({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-3">
        <Label htmlFor={id}>{label}</Label>
        <button
          id={id}
          type="button"
          role="switch"
          aria-checked={checked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onClick={() => onChange(!checked)}
          className={cn(
            "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border-2 border-transparent transition-colors",
            checked ? "bg-primary" : "bg-input",
          )}
        >
          <span
            className={cn(
              "block size-4 rounded-full bg-background shadow transition-transform",
              checked ? "translate-x-4" : "translate-x-0",
            )}
          />
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A number field that keeps what is typed ("0.", "-") until it is a number. */
function NumberInput({
  value,
  onValue,
  integer,
  ...props
}: {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
  value: number | undefined;
  onValue: (value: number | undefined) => void;
  integer: boolean;
  min?: number;
  max?: number;
}) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const [shown, setShown] = useState(value);
  // Follow outside changes (undo, reload) without fighting the user's typing.
  if (value !== shown) {
    setShown(value);
    if (value !== (text.trim() === "" ? undefined : Number(text)))
      setText(value === undefined ? "" : String(value));
  }
  return (
    <Input
      {...props}
      inputMode={integer ? "numeric" : "decimal"}
      value={text}
      onChange={(event) => {
        const raw = event.target.value;
        setText(raw);
        if (raw.trim() === "") onValue(undefined);
        else if (Number.isFinite(Number(raw))) onValue(Number(raw));
      }}
    />
  );
}

/** A number or integer field with the schema's bounds. */
export function NumberField({ id, label, hint, value, set, schema, errors, path }: WidgetProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={errorsAt(errors, path, false)}>
      {(control) => (
        <NumberInput
          {...control}
          integer={schema.type === "integer"}
          min={schema.minimum}
          max={schema.maximum}
          value={typeof value === "number" ? value : undefined}
          onValue={set}
        />
      )}
    </FormField>
  );
}

/** A boolean field as a switch, showing the schema default when unset. */
export function BooleanField({ id, label, hint, value, set, schema }: WidgetProps) {
  const fallback = typeof schema.default === "boolean" ? schema.default : false;
  return (
    <SwitchField
      id={id}
      label={label}
      hint={hint}
      checked={typeof value === "boolean" ? value : fallback}
      onChange={set}
    />
  );
}
