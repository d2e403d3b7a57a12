"use client";

import { useMemo } from "react";
import { z } from "zod";
import {
  SchemaForm,
  setIn,
  type FieldErrors,
  type JsonSchema,
} from "@/components/flow-editor/schema-form";
import { useModelOptions } from "@/components/flow-editor/use-field-context";
import { modelField, parametersSchema } from "@/lib/nodes/shared/model-config";
import type { ModelRef } from "@/lib/engine/graph";

/** What a prompt version carries besides its template: an optional model and sampling parameters. */
export interface PromptSettings {
  model?: ModelRef | null;
  parameters: Record<string, unknown>;
}

const settingsSchema = z.object({
  model: modelField(
    "Model",
    "Used by LLM steps that reference this prompt and choose no model themselves.",
  ).optional(),
  parameters: parametersSchema,
});

const fullJsonSchema = z.toJSONSchema(settingsSchema, {
  io: "input",
  unrepresentable: "any",
}) as JsonSchema;

/** The form's schema; the Simulated model's knobs only while a simulated connection is chosen. */
function formSchema(simulated: boolean): JsonSchema {
  if (simulated) return fullJsonSchema;
  const parameters = fullJsonSchema.properties!.parameters!;
  const { simulated: _knobs, ...rest } = parameters.properties ?? {};
  return {
    ...fullJsonSchema,
    properties: {
      ...fullJsonSchema.properties,
      parameters: { ...parameters, properties: rest },
    },
  };
}

/** Field errors of the settings by dotted path, as the generated form shows them. */
function settingsErrors(value: PromptSettings): FieldErrors {
  const parsed = settingsSchema.safeParse({ ...value, model: value.model ?? undefined });
  const errors: FieldErrors = new Map();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = issue.path.map(String).join(".");
    errors.set(key, [...(errors.get(key) ?? []), issue.message]);
  }
  return errors;
}

/** Whether the settings would pass the server's checks. */
export function settingsValid(value: PromptSettings): boolean {
  return settingsErrors(value).size === 0;
}

/** The model picker and parameter fields, generated from the LLM step's own schemas. */
export function PromptSettingsFields({
  workspaceId,
  value,
  onChange,
}: {
  workspaceId: string;
  value: PromptSettings;
  onChange: (value: PromptSettings) => void;
}) {
  const models = useModelOptions(workspaceId);
  const errors = useMemo(() => settingsErrors(value), [value]);
  const provider = models.find((m) => m.name === value.model?.connection)?.provider;
  const simulated = provider === "simulated" || value.parameters.simulated !== undefined;
  return (
    <SchemaForm
      schema={formSchema(simulated)}
      value={value}
      errors={errors}
      models={models}
      variables={[]}
      onChange={(path, next) => onChange(setIn(value, path, next) as PromptSettings)}
    />
  );
}

/** A set value as text: lists joined, objects as compact JSON. */
function formatSetting(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** The model and the parameters that are set, as a compact list (for readers who cannot edit). */
export function PromptSettingsSummary({ value }: { value: PromptSettings }) {
  const titles = fullJsonSchema.properties?.parameters?.properties ?? {};
  const rows: [string, string][] = [
    ["Model", value.model ? `${value.model.connection} / ${value.model.model}` : "Not set"],
    ...Object.entries(value.parameters).map(([key, set]): [string, string] => [
      titles[key]?.title ?? key,
      formatSetting(set),
    ]),
  ];
  return (
    <dl
      className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 rounded-md border px-3 py-2.5 text-sm"
      data-testid="prompt-settings-summary"
    >
      {rows.map(([term, text]) => (
        <div key={term} className="contents">
          <dt className="text-muted-foreground">{term}</dt>
          <dd className="font-mono break-words">{text}</dd>
        </div>
      ))}
    </dl>
  );
}
