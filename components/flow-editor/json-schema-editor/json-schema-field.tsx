"use client";

import { useState } from "react";
import { TabList } from "@/components/ui/tab-list";
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

  return (
    <fieldset
      className="flex min-w-0 flex-col gap-2 rounded-md border p-3"
      data-testid="json-schema-field"
    >
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <TabList
        label={`${label} editor`}
        idPrefix={id}
        tabs={TABS}
        value={tab}
        onChange={setTab}
        className="gap-1"
        tabClassName="-mb-px px-2 py-1 text-xs"
      />
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
