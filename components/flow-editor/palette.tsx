"use client";

import { useState, type DragEvent } from "react";
import { Input } from "@/components/ui/input";
import type { AnyNodeDefinition } from "@/lib/engine";
import { ALL_NODES } from "@/lib/nodes";
import { CATEGORIES, CATEGORY_ACCENT, NodeIcon } from "./node-visuals";

/** The drag payload type of a palette item: `type@version`. */
export const PALETTE_MIME = "application/x-trellis-node";

/** Node types grouped by category with a search box; drag onto the canvas or click to add. */
export function Palette({ onAdd }: { onAdd: (definition: AnyNodeDefinition) => void }) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const matches = ALL_NODES.filter(
    (d) =>
      !q ||
      d.ui.label.toLowerCase().includes(q) ||
      d.type.includes(q) ||
      d.ui.description.toLowerCase().includes(q),
  );
  const onDragStart = (event: DragEvent, definition: AnyNodeDefinition) => {
    event.dataTransfer.setData(PALETTE_MIME, `${definition.type}@${definition.version}`);
    event.dataTransfer.effectAllowed = "move";
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <label htmlFor="palette-search" className="sr-only">
        Search nodes
      </label>
      <Input
        id="palette-search"
        type="search"
        placeholder="Search nodes…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto pb-4">
        {matches.length === 0 && (
          <p className="text-sm text-muted-foreground">No node type matches “{query}”.</p>
        )}
        {CATEGORIES.map((category) => {
          const items = matches.filter((d) => d.ui.category === category.id);
          if (items.length === 0) return null;
          return (
            <div key={category.id} className="flex flex-col gap-1">
              <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                {category.label}
              </h3>
              <ul className="flex flex-col gap-1">
                {items.map((definition) => (
                  <li key={`${definition.type}@${definition.version}`}>
                    <button
                      type="button"
                      draggable
                      data-testid={`palette-${definition.type}`}
                      onDragStart={(event) => onDragStart(event, definition)}
                      onClick={() => onAdd(definition)}
                      title={definition.ui.description}
                      aria-label={`Add ${definition.ui.label}`}
                      className="flex w-full items-center gap-2 rounded-md border bg-card px-2 py-1.5 text-left text-sm hover:bg-accent"
                    >
                      <span
                        className={`flex size-5 shrink-0 items-center justify-center rounded text-white ${CATEGORY_ACCENT[definition.ui.category]}`}
                      >
                        <NodeIcon name={definition.ui.icon} className="size-3" />
                      </span>
                      <span className="truncate">{definition.ui.label}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </div>
  );
}
