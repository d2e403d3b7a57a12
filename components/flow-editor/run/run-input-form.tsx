"use client";

import { Braces, Play } from "lucide-react";
import { useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { InputConfig } from "@/lib/nodes/input.node";
import { InputFieldControl } from "./input-fields";
import {
  checkInput,
  defaultFormValues,
  formFields,
  formToInput,
  inputToForm,
  type FormValues,
  type InputIssues,
} from "./input-schema";

/**
 * The run input: a form generated from the Input node's schema (text, numbers, switches, enums,
 * lists of strings), or raw JSON for anything else. Checked against the schema before sending.
 */
export function RunInputForm({
  config,
  serverIssues,
  disabled,
  busy,
  onRun,
}: {
  config: InputConfig | null;
  /** The server's 400 `issues`, by field. */
  serverIssues: InputIssues;
  disabled: boolean;
  busy: boolean;
  onRun: (input: unknown) => void;
}) {
  const schema = useMemo(() => config?.schema ?? {}, [config]);
  const fields = useMemo(() => formFields(schema), [schema]);
  const [values, setValues] = useState<FormValues>(() =>
    fields ? defaultFormValues(fields, schema) : {},
  );
  const [json, setJson] = useState<string | null>(() => (fields ? null : "{}"));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [localIssues, setLocalIssues] = useState<InputIssues>(new Map());
  const issues = localIssues.size > 0 ? localIssues : serverIssues;
  const errorOf = (field: string) => issues.get(field)?.join(" ");

  const currentInput = (): { ok: true; value: unknown } | { ok: false } => {
    if (json === null) return { ok: true, value: formToInput(fields ?? [], values) };
    try {
      return { ok: true, value: JSON.parse(json.trim() || "{}") };
    } catch {
      setJsonError("The input is not valid JSON.");
      return { ok: false };
    }
  };

  const toggleJson = () => {
    if (!fields) return;
    if (json === null) {
      setJson(JSON.stringify(formToInput(fields, values), null, 2));
      return;
    }
    const parsed = currentInput();
    if (!parsed.ok) return;
    setValues(inputToForm(fields, parsed.value));
    setJson(null);
    setJsonError(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = currentInput();
    if (!input.ok) return;
    setJsonError(null);
    const found = checkInput(config, input.value);
    setLocalIssues(found);
    if (found.size === 0) onRun(input.value);
  };

  const whole =
    json === null
      ? errorOf("")
      : [...issues].map(([f, m]) => `${f || "input"}: ${m.join(" ")}`).join("; ");
  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate aria-label="Run input">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Input</h3>
        {fields && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            aria-pressed={json !== null}
            onClick={toggleJson}
          >
            <Braces aria-hidden />
            JSON
          </Button>
        )}
      </div>
      {json === null ? (
        <>
          {whole && (
            <Alert variant="error" title="The input does not match the schema">
              {whole}
            </Alert>
          )}
          {fields?.map((field) => (
            <InputFieldControl
              key={field.name}
              field={field}
              value={values[field.name]}
              error={errorOf(field.name)}
              onChange={(value) => {
                setValues((v) => ({ ...v, [field.name]: value }));
                setLocalIssues((current) => {
                  if (!current.has(field.name)) return current;
                  const next = new Map(current);
                  next.delete(field.name);
                  return next;
                });
              }}
            />
          ))}
        </>
      ) : (
        <FormField
          id="run-input-json"
          label="Input (JSON)"
          error={jsonError ?? (whole || undefined)}
          hint={
            fields
              ? undefined
              : "This input schema needs JSON: it is not a flat list of simple fields."
          }
        >
          {(control) => (
            <Textarea
              {...control}
              spellCheck={false}
              className="min-h-40 font-mono text-xs"
              value={json}
              onChange={(event) => setJson(event.target.value)}
            />
          )}
        </FormField>
      )}
      <Button type="submit" disabled={disabled || busy}>
        {busy ? <Spinner /> : <Play aria-hidden />}
        {busy ? "Running…" : "Run"}
      </Button>
    </form>
  );
}
