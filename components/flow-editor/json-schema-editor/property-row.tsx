"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { LinesField } from "../list-fields";
import { keptKeywords, PROPERTY_TYPES, type PropertyRow, type PropertyType } from "./schema-rows";

/** Element ids inside one property row, so the editor can move focus between rows. */
export const rowIds = (base: string, row: PropertyRow) => ({
  name: `${base}-name-${row.id}`,
  up: `${base}-up-${row.id}`,
  down: `${base}-down-${row.id}`,
});

/** One property of the visual schema editor: name, type, required, description, allowed values. */
export function PropertyRowEditor({
  base,
  row,
  index,
  count,
  problem,
  onChange,
  onMove,
  onRemove,
}: {
  base: string;
  row: PropertyRow;
  index: number;
  count: number;
  problem?: string;
  onChange: (row: PropertyRow) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const ids = rowIds(base, row);
  const errorId = `${ids.name}-error`;
  const title = row.name || `property ${index + 1}`;
  const kept = keptKeywords(row);
  return (
    <li
      className="flex flex-col gap-2 rounded-md border bg-muted/40 p-2"
      data-testid="schema-property"
    >
      <div className="flex items-center gap-1.5">
        <Input
          id={ids.name}
          aria-label={`Property ${index + 1} name`}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? errorId : undefined}
          placeholder="name"
          spellCheck={false}
          className="h-8 flex-1 font-mono text-xs"
          value={row.name}
          onChange={(event) => onChange({ ...row, name: event.target.value })}
        />
        <Select
          aria-label={`Property ${index + 1} type`}
          className="h-8 w-28 shrink-0 pr-7 pl-2 text-xs"
          value={row.kind === "simple" ? row.type : "custom"}
          disabled={row.kind === "custom"}
          onChange={(event) =>
            row.kind === "simple" && onChange({ ...row, type: event.target.value as PropertyType })
          }
        >
          {row.kind === "custom" && <option value="custom">custom</option>}
          {PROPERTY_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </Select>
      </div>
      {problem && (
        <p id={errorId} className="text-xs text-danger">
          {problem}
        </p>
      )}
      <div className="flex items-center justify-between gap-2">
        <div className="flex items-center gap-1.5">
          <Checkbox
            id={`${ids.name}-required`}
            checked={row.required}
            onCheckedChange={(checked) => onChange({ ...row, required: checked === true })}
          />
          <Label htmlFor={`${ids.name}-required`} className="text-xs font-normal">
            Required
          </Label>
        </div>
        <div className="flex">
          <Button
            id={ids.up}
            variant="ghost"
            size="icon-sm"
            aria-label={`Move ${title} up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            <ArrowUp aria-hidden />
          </Button>
          <Button
            id={ids.down}
            variant="ghost"
            size="icon-sm"
            aria-label={`Move ${title} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <ArrowDown aria-hidden />
          </Button>
          <Button variant="ghost" size="icon-sm" aria-label={`Remove ${title}`} onClick={onRemove}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
      {row.kind === "simple" ? (
        <Input
          aria-label={`Property ${index + 1} description`}
          placeholder="Description (optional)"
          className="h-8 text-xs"
          value={row.description ?? ""}
          onChange={(event) => onChange({ ...row, description: event.target.value || undefined })}
        />
      ) : (
        <p className="text-xs text-muted-foreground">
          A schema the visual editor cannot show (kept as it is); edit it in Raw JSON.
        </p>
      )}
      {row.kind === "simple" && row.type === "string" && (
        <details open={row.enum !== undefined || undefined} className="text-xs">
          <summary className="cursor-pointer text-muted-foreground">
            Allowed values{row.enum ? ` (${row.enum.length})` : ""}
          </summary>
          <LinesField
            key={JSON.stringify(row.enum ?? [])}
            id={`${ids.name}-enum`}
            label="Allowed values"
            hint="Leave empty to allow any text."
            value={row.enum}
            onChange={(values) => {
              const list = values as string[];
              onChange({ ...row, enum: list.length > 0 ? list : undefined });
            }}
          />
        </details>
      )}
      {kept.length > 0 && (
        <p className="text-xs text-muted-foreground">
          Also keeps {kept.join(", ")}; edit {kept.length === 1 ? "it" : "them"} in Raw JSON.
        </p>
      )}
    </li>
  );
}
