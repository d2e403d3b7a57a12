"use client";

import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { variantIndex, variantLabel } from "./kind-variants";
import { SchemaField } from "./schema-field";
import { errorsAt, type JsonSchema, type WidgetProps } from "./schema-utils";

/** A union told apart by `kind`: a kind select, then the chosen variant's fields. */
export function UnionField({
  id,
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
  variants,
}: WidgetProps & { variants: JsonSchema[] }) {
  const index = variantIndex(variants, value);
  const variant = variants[index];
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border p-3" data-testid="union-field">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-kind`} className="text-xs">
          Kind
        </Label>
        <Select
          id={`${id}-kind`}
          value={index >= 0 ? String(index) : ""}
          onChange={(event) => {
            const next = variants[Number(event.target.value)];
            if (!next) return;
            const old = (value ?? {}) as Record<string, unknown>;
            const kept: Record<string, unknown> = { kind: next.properties!.kind!.const };
            for (const key of Object.keys(next.properties ?? {}))
              if (key !== "kind" && old[key] !== undefined) kept[key] = old[key];
            set(kept);
          }}
        >
          {index < 0 && <option value="">Choose…</option>}
          {variants.map((option, i) => (
            <option key={i} value={String(i)}>
              {variantLabel(option, variants)}
            </option>
          ))}
        </Select>
      </div>
      {variant &&
        Object.entries(variant.properties ?? {})
          .filter(([key]) => key !== "kind")
          .map(([key, child]) => (
            <SchemaField
              key={`${index}-${key}`}
              name={key}
              schema={child}
              path={[...path, key]}
              root={root}
              required={variant.required?.includes(key) ?? false}
              errors={errors}
              models={models}
              variables={variables}
              onChange={onChange}
              depth={depth + 1}
            />
          ))}
      {errorsAt(errors, path, false) && (
        <p className="text-sm text-danger">{errorsAt(errors, path, false)}</p>
      )}
    </fieldset>
  );
}

/** An object: a fieldset with one field per property. */
export function ObjectField({
  label,
  hint,
  schema,
  path,
  root,
  errors,
  models,
  variables,
  onChange,
  depth,
}: WidgetProps) {
  const entries = Object.entries(schema.properties ?? {});
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      {entries.map(([key, child]) => (
        <SchemaField
          key={key}
          name={key}
          schema={child}
          path={[...path, key]}
          root={root}
          required={schema.required?.includes(key) ?? false}
          errors={errors}
          models={models}
          variables={variables}
          onChange={onChange}
          depth={depth + 1}
        />
      ))}
    </fieldset>
  );
}
