"use client";

import { useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { JsonField } from "../json-field";
import { errorsAt, type WidgetProps } from "../schema-utils";
import { schemaToModel } from "./schema-rows";
import { VisualSchemaEditor } from "./visual-editor";

type Tab = "visual" | "raw";
const TABS: [Tab, string][] = [
  ["visual", "Visual"],
  ["raw", "Raw JSON"],
];

/** A JSON-schema config field: a visual property editor, and the raw JSON for everything else. */
export function JsonSchemaField({ id, label, hint, value, set, errors, path }: WidgetProps) {
  const [tab, setTab] = useState<Tab>(() =>
    schemaToModel(value, () => "probe").ok ? "visual" : "raw",
  );
  const error = errorsAt(errors, path, true);
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const next: Tab = tab === "visual" ? "raw" : "visual";
    setTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  return (
    <fieldset
      className="flex min-w-0 flex-col gap-2 rounded-md border p-3"
      data-testid="json-schema-field"
    >
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <div role="tablist" aria-label={`${label} editor`} className="flex gap-1 border-b">
        {TABS.map(([key, name]) => (
          <button
            key={key}
            id={`${id}-tab-${key}`}
            type="button"
            role="tab"
            aria-selected={tab === key}
            aria-controls={`${id}-panel-${key}`}
            tabIndex={tab === key ? 0 : -1}
            onClick={() => setTab(key)}
            onKeyDown={onTabKey}
            className={cn(
              "-mb-px border-b-2 px-2 py-1 text-xs font-medium",
              tab === key
                ? "border-primary text-foreground"
                : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {name}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-visual`}
        aria-labelledby={`${id}-tab-visual`}
        hidden={tab !== "visual"}
      >
        <VisualSchemaEditor id={id} value={value} onChange={set} onShowRaw={() => setTab("raw")} />
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-raw`}
        aria-labelledby={`${id}-tab-raw`}
        hidden={tab !== "raw"}
      >
        <JsonField
          key={JSON.stringify(value) ?? ""}
          id={`${id}-raw`}
          label="Schema (JSON)"
          hint="Any JSON schema (2020-12); applied when the box loses focus."
          value={value}
          onChange={set}
        />
      </div>
      {error && <p className="text-sm text-danger">{error}</p>}
    </fieldset>
  );
}
