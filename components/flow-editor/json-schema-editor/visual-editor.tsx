"use client";

import { Plus } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { newRowId, useDraft, useFocusAfterRender } from "../use-row-editing";
import { PropertyRowEditor, rowIds } from "./property-row";
import {
  modelToSchema,
  nameProblems,
  schemaToModel,
  type ModelResult,
  type PropertyRow,
} from "./schema-rows";

const read = (value: unknown) => schemaToModel(value, newRowId);
const stands = (draft: ModelResult, value: unknown) =>
  draft.ok && JSON.stringify(modelToSchema(draft.model)) === JSON.stringify(value);

/** The properties of an object schema as editable rows; saves whenever every name is valid. */
export function VisualSchemaEditor({
  id,
  value,
  onChange,
  onShowRaw,
}: {
  id: string;
  value: unknown;
  onChange: (schema: Record<string, unknown>) => void;
  onShowRaw: () => void;
}) {
  const [draft, setDraft] = useDraft(value, read, stands);
  const focus = useFocusAfterRender();
  if (!draft.ok)
    return (
      <Alert title="The visual editor cannot show this schema">
        <p>{draft.reason} It is kept as it is.</p>
        <Button variant="outline" size="sm" className="mt-2" onClick={onShowRaw}>
          Edit in Raw JSON
        </Button>
      </Alert>
    );
  const { model } = draft;
  const problems = nameProblems(model.rows);

  const update = (rows: PropertyRow[]) => {
    const next = { ...model, rows };
    setDraft({ ok: true, model: next });
    if (nameProblems(rows).size === 0) onChange(modelToSchema(next));
  };
  const add = () => {
    const row: PropertyRow = {
      id: newRowId(),
      name: "",
      required: false,
      kind: "simple",
      type: "string",
      extra: [],
    };
    setDraft({ ok: true, model: { ...model, rows: [...model.rows, row] } });
    focus(rowIds(id, row).name);
  };
  const move = (index: number, delta: -1 | 1) => {
    const rows = [...model.rows];
    const [row] = rows.splice(index, 1);
    rows.splice(index + delta, 0, row!);
    const target = index + delta;
    const edge = target === 0 || target === rows.length - 1;
    // At the first or last place the pressed button is disabled, so focus its twin.
    const ids = rowIds(id, row!);
    focus(edge ? (target === 0 ? ids.down : ids.up) : delta < 0 ? ids.up : ids.down);
    update(rows);
  };
  const remove = (index: number) => {
    const rows = model.rows.filter((_, i) => i !== index);
    const neighbour = rows[index] ?? rows[index - 1];
    focus(neighbour ? rowIds(id, neighbour).name : `${id}-add`);
    update(rows);
  };

  return (
    <div className="flex flex-col gap-2">
      {model.rows.length === 0 ? (
        <p className="text-xs text-muted-foreground">No properties yet: any object is accepted.</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Properties">
          {model.rows.map((row, index) => (
            <PropertyRowEditor
              key={row.id}
              base={id}
              row={row}
              index={index}
              count={model.rows.length}
              problem={problems.get(row.id)}
              onChange={(next) => update(model.rows.map((r, i) => (i === index ? next : r)))}
              onMove={(delta) => move(index, delta)}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
      )}
      <Button id={`${id}-add`} variant="outline" size="sm" className="self-start" onClick={add}>
        <Plus aria-hidden />
        Add property
      </Button>
      {problems.size > 0 && (
        <p className="text-xs text-muted-foreground" role="status">
          Changes are saved once every property has a unique, allowed name.
        </p>
      )}
    </div>
  );
}
