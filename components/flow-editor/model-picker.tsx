"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { JsonSchema, ModelOption, ValueFieldProps } from "./schema-utils";

/** Whether a schema is a `{ connection, model }` reference, edited with the model picker. */
export function isModelRef(schema: JsonSchema): boolean {
  const props = schema.properties;
  return (
    schema.type === "object" &&
    !!props &&
    Object.keys(props).length === 2 &&
    props.connection?.type === "string" &&
    props.model?.type === "string"
  );
}

/** Picks a connection, then one of its models (free text when it lists none). */
export function ModelPicker({
  id,
  label,
  hint,
  value,
  error,
  options,
  onChange,
}: ValueFieldProps & { options: ModelOption[] }) {
  const current = (value ?? {}) as { connection?: string; model?: string };
  const connection = options.find((o) => o.name === current.connection);
  const connectionNames = options.map((o) => o.name);
  if (current.connection && !connection) connectionNames.push(current.connection);
  const models = [...(connection?.models ?? [])];
  if (current.model && !models.includes(current.model)) models.push(current.model);
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border p-3" data-testid="model-picker">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-connection`} className="text-xs">
          Connection
        </Label>
        <Select
          id={`${id}-connection`}
          value={current.connection ?? ""}
          aria-invalid={Boolean(error)}
          onChange={(event) => {
            const name = event.target.value;
            if (!name) return onChange(undefined);
            const first = options.find((o) => o.name === name)?.models[0] ?? "";
            onChange({ connection: name, model: first });
          }}
        >
          <option value="">Choose a connection…</option>
          {connectionNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-model`} className="text-xs">
          Model
        </Label>
        {models.length > 0 ? (
          <Select
            id={`${id}-model`}
            value={current.model ?? ""}
            disabled={!current.connection}
            onChange={(event) => onChange({ ...current, model: event.target.value })}
          >
            {models.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </Select>
        ) : (
          <Input
            id={`${id}-model`}
            value={current.model ?? ""}
            disabled={!current.connection}
            placeholder="Model id"
            onChange={(event) => onChange({ ...current, model: event.target.value })}
          />
        )}
      </div>
      {error && <p className="text-sm text-danger">{error}</p>}
    </fieldset>
  );
}
