"use client";

import { SchemaField } from "./schema-field";
import type { FieldErrors, JsonSchema, ModelOption, Path } from "./schema-utils";

/** The form's value types and path helper, re-exported for the config panel. */
export { setIn, type FieldErrors, type JsonSchema, type ModelOption } from "./schema-utils";

/** A form generated from a node config's JSON Schema. */
export function SchemaForm({
  schema,
  value,
  errors,
  models,
  variables,
  onChange,
}: {
  schema: JsonSchema;
  value: unknown;
  errors: FieldErrors;
  models: ModelOption[];
  /** Variables a template may use, for completion. */
  variables: string[];
  onChange: (path: Path, value: unknown) => void;
}) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0)
    return <p className="text-sm text-muted-foreground">This node has no settings.</p>;
  return (
    <div className="flex flex-col gap-4">
      {properties.map(([key, child]) => (
        <SchemaField
          key={key}
          name={key}
          schema={child}
          path={[key]}
          root={value}
          required={schema.required?.includes(key) ?? false}
          errors={errors}
          models={models}
          variables={variables}
          onChange={onChange}
          depth={0}
        />
      ))}
    </div>
  );
}
