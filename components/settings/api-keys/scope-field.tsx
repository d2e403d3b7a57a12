"use client";

import { useId } from "react";
import { useController, type Control } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import type { z } from "zod";
import type { createApiKeySchema, CreateApiKeyInput } from "@/lib/schemas/api-keys";
import type { EndpointDto } from "@/lib/schemas/endpoints";

type FormControl = Control<CreateApiKeyInput, unknown, z.output<typeof createApiKeySchema>>;

/** A radio of the scope: every endpoint of the workspace, or the checked ones. */
function ScopeOption({
  id,
  name,
  checked,
  onSelect,
  label,
  hint,
  disabled,
}: {
  id: string;
  name: string;
  checked: boolean;
  onSelect: () => void;
  label: string;
  hint: string;
  disabled?: boolean;
}) {
  return (
    <div className="flex items-start gap-3 px-3 py-2.5">
      <input
        type="radio"
        id={id}
        name={name}
        checked={checked}
        onChange={onSelect}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        className="mt-0.5 accent-primary"
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-sm font-medium leading-none">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** Which endpoints a key may call: all of the workspace's (now and later), or the checked ones. */
export function ScopeField({
  control,
  endpoints,
  loading,
}: {
  control: FormControl;
  endpoints: EndpointDto[];
  loading: boolean;
}) {
  const id = useId();
  const all = useController({ control, name: "allEndpoints" });
  const ids = useController({ control, name: "endpointIds" });
  const chosen = ids.field.value ?? [];
  const allChosen = Boolean(all.field.value);
  const error = ids.fieldState.error?.message;
  const toggle = (endpointId: string, checked: boolean) =>
    ids.field.onChange(
      endpoints
        .map((e) => e.id)
        .filter((item) => (item === endpointId ? checked : chosen.includes(item))),
    );
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium">Endpoints it may call</legend>
      <div className="flex flex-col divide-y rounded-md border">
        <ScopeOption
          id={`${id}-chosen`}
          name={`${id}-scope`}
          checked={!allChosen}
          onSelect={() => all.field.onChange(false)}
          label="Chosen endpoints"
          hint={
            loading
              ? "Loading endpoints…"
              : endpoints.length === 0
                ? "No endpoints are published yet."
                : "Only the endpoints checked below; the safest choice."
          }
          disabled={!loading && endpoints.length === 0}
        />
        {!allChosen && endpoints.length > 0 && (
          <ul className="flex max-h-48 flex-col gap-2 overflow-y-auto py-2.5 pr-3 pl-9">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="flex items-center gap-2">
                <Checkbox
                  id={`${id}-endpoint-${endpoint.id}`}
                  checked={chosen.includes(endpoint.id)}
                  onCheckedChange={(checked) => toggle(endpoint.id, checked === true)}
                  aria-invalid={Boolean(error)}
                />
                <label
                  htmlFor={`${id}-endpoint-${endpoint.id}`}
                  className="font-mono text-sm leading-none"
                >
                  {endpoint.slug}
                </label>
                <span className="truncate text-xs text-muted-foreground">{endpoint.flowName}</span>
              </li>
            ))}
          </ul>
        )}
        <ScopeOption
          id={`${id}-all`}
          name={`${id}-scope`}
          checked={allChosen}
          onSelect={() => all.field.onChange(true)}
          label="All endpoints"
          hint="Every endpoint of this workspace, including ones published later."
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
