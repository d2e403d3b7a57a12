"use client";

import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { emptyValue } from "./kind-variants";
import { SchemaField } from "./schema-field";
import { errorsAt, type JsonSchema, type ValueFieldProps, type WidgetProps } from "./schema-utils";

/** A list of strings edited as lines; commits on blur. */
export function LinesField({ id, label, hint, value, error, onChange }: ValueFieldProps) {
  const [text, setText] = useState(() =>
    Array.isArray(value) ? value.map((v) => String(v)).join("\n") : "",
  );
  return (
    <FormField id={id} label={`${label} (one per line)`} hint={hint} error={error}>
      {(control) => (
        <Textarea
          {...control}
          spellCheck={false}
          className="min-h-20 text-xs"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() =>
            onChange(
              text
                .split("\n")
                .map((line) => line.trim())
                .filter(Boolean),
            )
          }
        />
      )}
    </FormField>
  );
}

/** A list of enum strings as one checkbox per option. */
export function ChecklistField({
  label,
  hint,
  value,
  set,
  errors,
  path,
  items,
}: WidgetProps & { items: JsonSchema }) {
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const options = items.enum as string[];
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <div className="flex flex-wrap gap-3">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={list.includes(option)}
              onChange={(event) =>
                set(
                  event.target.checked ? [...list, option] : list.filter((item) => item !== option),
                )
              }
            />
            {option}
          </label>
        ))}
      </div>
      {errorsAt(errors, path, true) && (
        <p className="text-sm text-danger">{errorsAt(errors, path, true)}</p>
      )}
    </fieldset>
  );
}

/** A list of objects or unions: one sub-form per item, with add and remove buttons. */
export function ListField({
  label,
  hint,
  value,
  set,
  path,
  root,
  errors,
  models,
  variables,
  onChange,
  depth,
  items,
}: WidgetProps & { items: JsonSchema }) {
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border p-3" data-testid="list-field">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      {list.map((_, index) => (
        <div key={index} className="flex flex-col gap-2 rounded-md bg-muted/50 p-2">
          <SchemaField
            name={`${label} ${index + 1}`}
            schema={{ ...items, title: `${label} ${index + 1}` }}
            path={[...path, index]}
            root={root}
            required
            errors={errors}
            models={models}
            variables={variables}
            onChange={onChange}
            depth={depth + 1}
          />
          <Button
            variant="ghost"
            size="sm"
            className="self-end"
            onClick={() => set(list.filter((_, i) => i !== index))}
          >
            <Trash2 aria-hidden />
            Remove {label.toLowerCase()} {index + 1}
          </Button>
        </div>
      ))}
      <Button
        variant="outline"
        size="sm"
        className="self-start"
        onClick={() => set([...list, emptyValue(items)])}
      >
        <Plus aria-hidden />
        Add to {label.toLowerCase()}
      </Button>
      {errorsAt(errors, path, false) && (
        <p className="text-sm text-danger">{errorsAt(errors, path, false)}</p>
      )}
    </fieldset>
  );
}
