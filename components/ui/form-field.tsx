import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** Accessibility props a form control receives from its FormField. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

/** A labelled control with an optional hint and an error message wired via aria-describedby. */
export function FormField({
  id,
  label,
  hint,
  error,
  className,
  labelAction,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
  labelAction?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-2", className)}>
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {labelAction}
      </div>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {error && (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}

/** What InputField and TextareaField pass to their FormField. */
interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

function splitFieldProps<P extends FieldProps>({ id, label, hint, error, ...control }: P) {
  return [{ id, label, hint, error }, control] as const;
}

/** A FormField holding an Input; props beyond the field's go to the input. */
export function InputField(props: FieldProps & Omit<ComponentProps<"input">, "id">) {
  const [field, input] = splitFieldProps(props);
  return <FormField {...field}>{(control) => <Input {...control} {...input} />}</FormField>;
}

/** A FormField holding a Textarea; props beyond the field's go to the textarea. */
export function TextareaField(props: FieldProps & Omit<ComponentProps<"textarea">, "id">) {
  const [field, textarea] = splitFieldProps(props);
  return <FormField {...field}>{(control) => <Textarea {...control} {...textarea} />}</FormField>;
}
