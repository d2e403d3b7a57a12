"use client";

import { useState } from "react";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ManagedPromptPicker, type ManagedPromptRef } from "./prompt-picker";
import { SchemaField } from "./schema-field";
import { errorsAt, isPlainObject, type JsonSchema, type WidgetProps } from "./schema-utils";

type Mode = "inline" | "label" | "version";
const MODES: [Mode, string][] = [
  ["inline", "Written here"],
  ["label", "Managed prompt, by label"],
  ["version", "Managed prompt, pinned version"],
];

const kindOf = (variant: JsonSchema) => variant.properties?.kind?.const;

/** The variants of a prompt union (inline template, managed by label, managed by version), or null. */
export function promptVariants(variants: JsonSchema[]): Record<Mode, JsonSchema> | null {
  const inline = variants.find((v) => kindOf(v) === "inline");
  const managed = variants.filter((v) => kindOf(v) === "managed" && v.properties?.name);
  const label = managed.find((v) => v.properties?.label);
  const version = managed.find((v) => v.properties?.version);
  return inline && label && version && variants.length === 3 ? { inline, label, version } : null;
}

function modeOf(value: unknown): Mode {
  if (!isPlainObject(value) || value.kind !== "managed") return "inline";
  return value.version !== undefined ? "version" : "label";
}

/** A prompt: written in the node (template fields) or a managed prompt picked from the workspace. */
export function PromptField(props: WidgetProps & { variants: Record<Mode, JsonSchema> }) {
  const { id, label, hint, value, set, path, root, errors, models, variables, onChange } = props;
  const { variants, depth } = props;
  const mode = modeOf(value);
  // What each mode held before switching away, so switching back restores it.
  const [stash, setStash] = useState<Partial<Record<Mode, unknown>>>({});
  const current = isPlainObject(value) ? value : {};
  const switchTo = (next: Mode) => {
    const saved = { ...stash, [mode]: value };
    setStash(saved);
    if (next === "inline") return set(saved.inline ?? { kind: "inline", template: "" });
    // Between managed modes the prompt name carries over; the label or version comes back.
    const earlier = isPlainObject(saved[next]) ? saved[next] : {};
    const name = mode === "inline" ? earlier.name : current.name;
    const ref = { kind: "managed", name: typeof name === "string" ? name : "" };
    if (next === "label") set({ ...ref, label: earlier.label ?? "production" });
    else set({ ...ref, version: earlier.version ?? 1 });
  };
  // Inline fields show their own errors; a managed reference's show here.
  const error = errorsAt(errors, path, mode !== "inline");
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border p-3" data-testid="prompt-field">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-mode`} className="text-xs">
          Source
        </Label>
        <Select
          id={`${id}-mode`}
          value={mode}
          onChange={(event) => switchTo(event.target.value as Mode)}
        >
          {MODES.map(([key, name]) => (
            <option key={key} value={key}>
              {name}
            </option>
          ))}
        </Select>
      </div>
      {mode === "inline" ? (
        Object.entries(variants.inline.properties ?? {})
          .filter(([key]) => key !== "kind")
          .map(([key, child]) => (
            <SchemaField
              key={key}
              name={key}
              schema={child}
              path={[...path, key]}
              root={root}
              required={variants.inline.required?.includes(key) ?? false}
              errors={errors}
              models={models}
              variables={variables}
              onChange={onChange}
              depth={depth + 1}
            />
          ))
      ) : (
        <ManagedPromptPicker
          id={id}
          by={mode}
          value={
            { ...current, kind: "managed", name: String(current.name ?? "") } as ManagedPromptRef
          }
          onChange={set}
        />
      )}
      {error && <p className="text-sm text-danger">{error}</p>}
    </fieldset>
  );
}
