"use client";

import { Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { TemplateEditor } from "./template-editor";

/** The subset of JSON Schema (as `z.toJSONSchema` writes it) the form understands. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  default?: unknown;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** A connection and its models, for the model picker. */
export interface ModelOption {
  name: string;
  models: string[];
  provider: string;
}

type Path = (string | number)[];

/** Field errors by dotted path ("" for the whole config). */
export type FieldErrors = Map<string, string[]>;

const pathKey = (path: Path) => path.join(".");

/** `value` with `next` set at `path` (undefined removes the key). */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  const head = path[0];
  if (head === undefined) return next;
  const rest = path.slice(1);
  if (typeof head === "number") {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    const child = setIn(list[head], rest, next);
    if (child === undefined) list.splice(head, 1);
    else list[head] = child;
    return list;
  }
  const base: Record<string, unknown> =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>) }
      : {};
  const child = setIn(base[head], rest, next);
  if (child === undefined) delete base[head];
  else base[head] = child;
  return base;
}

function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key as string];
  }
  return current;
}

const LONG_TEXT = /template|instructions|system|body|criteria/i;
const TEMPLATE_TEXT = /template|system|body/i;

function isModelRef(schema: JsonSchema): boolean {
  const props = schema.properties;
  return (
    schema.type === "object" &&
    !!props &&
    Object.keys(props).length === 2 &&
    props.connection?.type === "string" &&
    props.model?.type === "string"
  );
}

function errorsAt(errors: FieldErrors, path: Path, deep: boolean): string | undefined {
  const key = pathKey(path);
  const found: string[] = [];
  for (const [p, messages] of errors) {
    if (p === key || (deep && p.startsWith(`${key}.`)))
      found.push(...messages.map((m) => (p === key ? m : `${p.slice(key.length + 1)}: ${m}`)));
  }
  return found.length > 0 ? found.join("; ") : undefined;
}

function titleOf(schema: JsonSchema, name: string): string {
  return schema.title ?? name.charAt(0).toUpperCase() + name.slice(1);
}

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

/** Raw JSON for values the form cannot render well; commits on blur when it parses. */
function JsonField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const initial = value === undefined ? "" : JSON.stringify(value, null, 2);
  const [text, setText] = useState(initial);
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <FormField id={id} label={label} hint={hint} error={parseError ?? error}>
      {(control) => (
        <Textarea
          {...control}
          data-json-field
          spellCheck={false}
          className="min-h-28 font-mono text-xs"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => {
            if (text.trim() === "") {
              setParseError(null);
              onChange(undefined);
              return;
            }
            try {
              const parsed: unknown = JSON.parse(text);
              setParseError(null);
              onChange(parsed);
            } catch {
              setParseError("Not valid JSON; the last valid value is kept.");
            }
          }}
        />
      )}
    </FormField>
  );
}

function ModelPicker({
  id,
  label,
  hint,
  value,
  error,
  options,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: unknown;
  error?: string;
  options: ModelOption[];
  onChange: (value: unknown) => void;
}) {
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

/** Variants of a union whose options are objects told apart by a constant `kind`. */
function kindVariants(schema: JsonSchema): JsonSchema[] | null {
  const options = schema.oneOf ?? schema.anyOf;
  if (!options || options.length < 2) return null;
  const ok = options.every(
    (o) => o.type === "object" && o.properties?.kind && typeof o.properties.kind.const === "string",
  );
  return ok ? options : null;
}

function variantLabel(option: JsonSchema, all: JsonSchema[]): string {
  const kind = String(option.properties?.kind?.const);
  const siblings = all.filter((o) => o.properties?.kind?.const === kind);
  if (siblings.length < 2) return kind.replace(/_/g, " ");
  const shared = (key: string) => siblings.every((o) => o.required?.includes(key));
  const own = (option.required ?? []).filter((k) => k !== "kind" && !shared(k));
  return `${kind.replace(/_/g, " ")} (${own.join(", ")})`;
}

function variantIndex(options: JsonSchema[], value: unknown): number {
  const v = (value ?? {}) as Record<string, unknown>;
  const same = options
    .map((o, i) => [o, i] as const)
    .filter(([o]) => o.properties?.kind?.const === v.kind);
  const exact = same.find(([o]) => (o.required ?? []).every((k) => v[k] !== undefined));
  return (exact ?? same[0])?.[1] ?? -1;
}

/** A starting value for a new list item or union variant. */
function emptyValue(schema: JsonSchema | undefined): unknown {
  if (!schema) return null;
  const variants = kindVariants(schema);
  if (variants) return { kind: variants[0]!.properties!.kind!.const };
  if (schema.type === "object") {
    const out: Record<string, unknown> = {};
    if (schema.properties?.kind?.const !== undefined) out.kind = schema.properties.kind.const;
    return out;
  }
  if (schema.type === "array") return [];
  if (schema.type === "string") return "";
  if (schema.type === "number" || schema.type === "integer") return 0;
  if (schema.type === "boolean") return false;
  return null;
}

/** A list of strings edited as lines; commits on blur. */
function LinesField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
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

interface FieldProps {
  name: string;
  schema: JsonSchema;
  path: Path;
  root: unknown;
  required: boolean;
  errors: FieldErrors;
  models: ModelOption[];
  variables: string[];
  onChange: (path: Path, value: unknown) => void;
  depth: number;
}

function SchemaField({
  name,
  schema,
  path,
  root,
  required,
  errors,
  models,
  variables,
  onChange,
  depth,
}: FieldProps) {
  const baseId = useId();
  const id = `${baseId}-${pathKey(path)}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const value = getIn(root, path);
  const label = titleOf(schema, name);
  const hint = schema.description;
  const set = (next: unknown) => onChange(path, next);
  const type = Array.isArray(schema.type) ? undefined : schema.type;

  if (isModelRef(schema))
    return (
      <ModelPicker
        id={id}
        label={label}
        hint={hint}
        value={value}
        error={errorsAt(errors, path, true)}
        options={models}
        onChange={set}
      />
    );

  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) {
    const options = schema.enum as string[];
    return (
      <FormField id={id} label={label} hint={hint} error={errorsAt(errors, path, false)}>
        {(control) => (
          <Select
            {...control}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => set(event.target.value || undefined)}
          >
            {(!required || value === undefined) && <option value="">—</option>}
            {options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        )}
      </FormField>
    );
  }

  if (type === "string") {
    const long =
      LONG_TEXT.test(name) ||
      (/template|prompt/i.test(label) && !/name/i.test(label)) ||
      (schema.maxLength ?? 0) > 4_000;
    const onText = (text: string) => set(text === "" && !required ? undefined : text);
    if (TEMPLATE_TEXT.test(name) || schema.description?.includes("{{")) {
      const error = errorsAt(errors, path, false);
      const describedBy =
        [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") ||
        undefined;
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

  if (type === "number" || type === "integer") {
    return (
      <FormField id={id} label={label} hint={hint} error={errorsAt(errors, path, false)}>
        {(control) => (
          <NumberInput
            {...control}
            integer={type === "integer"}
            min={schema.minimum}
            max={schema.maximum}
            value={typeof value === "number" ? value : undefined}
            onValue={set}
          />
        )}
      </FormField>
    );
  }

  if (type === "boolean") {
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

  const variants = kindVariants(schema);
  if (variants && depth < 4) {
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

  if (type === "array" && schema.items && depth < 4) {
    const items = schema.items;
    const list = Array.isArray(value) ? (value as unknown[]) : [];
    if (items.type === "string" && Array.isArray(items.enum)) {
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
                      event.target.checked
                        ? [...list, option]
                        : list.filter((item) => item !== option),
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
    if (items.type === "string")
      return (
        <LinesField
          key={JSON.stringify(value) ?? ""}
          id={id}
          label={label}
          hint={hint}
          value={value}
          error={errorsAt(errors, path, true)}
          onChange={set}
        />
      );
    if (items.type === "object" || kindVariants(items)) {
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
  }

  if (type === "object" && schema.properties && depth < 4) {
    const entries = Object.entries(schema.properties);
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

  return (
    <JsonField
      key={JSON.stringify(value) ?? ""}
      id={id}
      label={`${label} (JSON)`}
      hint={hint}
      value={value}
      error={errorsAt(errors, path, true)}
      onChange={set}
    />
  );
}

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
