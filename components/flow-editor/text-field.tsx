"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { errorsAt, type WidgetProps } from "./schema-utils";
import { LazyTemplateEditor as TemplateEditor } from "./lazy-template-editor";

const LONG_TEXT = /template|instructions|system|body|criteria/i;
const TEMPLATE_TEXT = /template|system|body/i;

/** A string field: a template editor, a textarea for long text, or a plain input. */
export function TextField({
  id,
  name,
  label,
  hint,
  value,
  set,
  schema,
  required,
  errors,
  path,
  variables,
}: WidgetProps) {
  const long =
    LONG_TEXT.test(name) ||
    (/template|prompt/i.test(label) && !/name/i.test(label)) ||
    (schema.maxLength ?? 0) > 4_000;
  const onText = (text: string) => set(text === "" && !required ? undefined : text);
  if (TEMPLATE_TEXT.test(name) || schema.description?.includes("{{")) {
    const error = errorsAt(errors, path, false);
    const describedBy =
      [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
    return (
      <div className="flex flex-col gap-2" data-testid={`template-field-${name}`}>
        <span id={`${id}-label`} className="text-sm leading-none font-medium">
          {label}
        </span>
        <TemplateEditor
          labelId={`${id}-label`}
          describedBy={describedBy}
          invalid={Boolean(error)}
          value={typeof value === "string" ? value : ""}
          variables={variables}
          onChange={onText}
        />
        {error && (
          <p id={`${id}-error`} className="text-sm text-danger">
            {error}
          </p>
        )}
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            {hint}
          </p>
        )}
      </div>
    );
  }
  return (
    <FormField id={id} label={label} hint={hint} error={errorsAt(errors, path, false)}>
      {(control) =>
        long ? (
          <Textarea
            {...control}
            spellCheck={false}
            className="min-h-24 font-mono text-xs"
            value={typeof value === "string" ? value : ""}
            onChange={(event) => onText(event.target.value)}
          />
        ) : (
          <Input
            {...control}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => onText(event.target.value)}
          />
        )
      }
    </FormField>
  );
}
