"use client";

import { Plus, X } from "lucide-react";
import type { KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { keyProblems, recordFromRows, rowsFromRecord, type KeyValueRow } from "./key-value-rows";
import { errorsAt, pathKey, type WidgetProps } from "./schema-utils";
import { newRowId, useDraft, useFocusAfterRender } from "./use-row-editing";

const sameRecord = (rows: KeyValueRow[], value: unknown) =>
  JSON.stringify(recordFromRows(rows)) === JSON.stringify(value ?? {});

/** A string-to-string record as rows of key and value, with inline key problems. */
export function KeyValueField({
  id,
  label,
  hint,
  value,
  set,
  required,
  errors,
  path,
}: WidgetProps) {
  const [rows, setRows] = useDraft(value, (v) => rowsFromRecord(v, newRowId), sameRecord);
  const focus = useFocusAfterRender();
  const problems = keyProblems(rows);
  const keyId = (row: KeyValueRow) => `${id}-key-${row.id}`;
  const valueId = (row: KeyValueRow) => `${id}-value-${row.id}`;

  const update = (next: KeyValueRow[]) => {
    setRows(next);
    if (keyProblems(next).size > 0) return;
    const record = recordFromRows(next);
    set(Object.keys(record).length === 0 && !required ? undefined : record);
  };
  const addRow = () => {
    const row = { id: newRowId(), key: "", value: "" };
    setRows([...rows, row]);
    focus(keyId(row));
  };
  const removeRow = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    const neighbour = next[index] ?? next[index - 1];
    focus(neighbour ? keyId(neighbour) : `${id}-add`);
    update(next);
  };
  const edit = (index: number, patch: Partial<KeyValueRow>) =>
    update(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  // Enter moves on: key -> value -> next row's key (adding a row at the end).
  const onEnter = (event: KeyboardEvent, index: number, field: "key" | "value") => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const row = rows[index]!;
    if (field === "key") return document.getElementById(valueId(row))?.focus();
    const nextRow = rows[index + 1];
    if (nextRow) document.getElementById(keyId(nextRow))?.focus();
    else addRow();
  };

  const fieldError = errorsAt(errors, path, false);
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border p-3" data-testid="key-value-field">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      {rows.length === 0 ? (
        <p className="text-xs text-muted-foreground">None yet.</p>
      ) : (
        <div
          aria-hidden
          className="grid grid-cols-[1fr_1fr_2rem] gap-1.5 text-xs text-muted-foreground"
        >
          <span>Key</span>
          <span>Value</span>
        </div>
      )}
      {rows.map((row, index) => {
        const problem = problems.get(row.id) ?? errors.get(pathKey([...path, row.key]))?.join("; ");
        const errorId = `${id}-error-${row.id}`;
        return (
          <div key={row.id} className="flex flex-col gap-1" data-testid="key-value-row">
            <div className="grid grid-cols-[1fr_1fr_2rem] items-center gap-1.5">
              <Input
                id={keyId(row)}
                aria-label={`Key ${index + 1}`}
                aria-invalid={Boolean(problem)}
                aria-describedby={problem ? errorId : undefined}
                spellCheck={false}
                className="h-8 font-mono text-xs"
                value={row.key}
                onChange={(event) => edit(index, { key: event.target.value })}
                onKeyDown={(event) => onEnter(event, index, "key")}
              />
              <Input
                id={valueId(row)}
                aria-label={`Value ${index + 1}`}
                spellCheck={false}
                className="h-8 font-mono text-xs"
                value={row.value}
                onChange={(event) => edit(index, { value: event.target.value })}
                onKeyDown={(event) => onEnter(event, index, "value")}
              />
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={`Remove ${row.key || `row ${index + 1}`}`}
                onClick={() => removeRow(index)}
              >
                <X aria-hidden />
              </Button>
            </div>
            {problem && (
              <p id={errorId} className="text-xs text-danger">
                {problem}
              </p>
            )}
          </div>
        );
      })}
      <Button id={`${id}-add`} variant="outline" size="sm" className="self-start" onClick={addRow}>
        <Plus aria-hidden />
        Add {label.toLowerCase().replace(/s$/, "")}
      </Button>
      {problems.size > 0 && (
        <p className="text-xs text-muted-foreground" role="status">
          Changes are saved once every row has a unique key.
        </p>
      )}
      {fieldError && <p className="text-sm text-danger">{fieldError}</p>}
    </fieldset>
  );
}
