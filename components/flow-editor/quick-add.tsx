"use client";

import { useState } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { AnyNodeDefinition } from "@/lib/engine";
import { ALL_NODES } from "@/lib/nodes";
import { CATEGORIES, CATEGORY_ACCENT, NodeIcon } from "./node-visuals";

function QuickAddList({ onPick }: { onPick: (definition: AnyNodeDefinition) => void }) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const q = query.trim().toLowerCase();
  const matches = ALL_NODES.filter(
    (d) =>
      !q ||
      d.ui.label.toLowerCase().includes(q) ||
      d.type.includes(q) ||
      d.ui.description.toLowerCase().includes(q),
  );
  const current = Math.min(active, Math.max(matches.length - 1, 0));
  return (
    <div className="flex flex-col gap-3">
      <Input
        aria-label="Node type"
        placeholder="Type to filter, Enter to add…"
        value={query}
        autoFocus
        aria-controls="quick-add-list"
        aria-activedescendant={matches[current] ? `quick-add-${current}` : undefined}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive((i) => Math.min(i + 1, matches.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === "Enter" && matches[current]) {
            event.preventDefault();
            onPick(matches[current]);
          }
        }}
      />
      <ul
        id="quick-add-list"
        role="listbox"
        aria-label="Node types"
        className="max-h-80 overflow-y-auto"
      >
        {matches.map((definition, index) => (
          <li
            key={`${definition.type}@${definition.version}`}
            id={`quick-add-${index}`}
            role="option"
            aria-selected={index === current}
            onMouseEnter={() => setActive(index)}
            onClick={() => onPick(definition)}
            className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ${
              index === current ? "bg-accent" : ""
            }`}
          >
            <span
              className={`flex size-5 shrink-0 items-center justify-center rounded text-white ${CATEGORY_ACCENT[definition.ui.category]}`}
            >
              <NodeIcon name={definition.ui.icon} className="size-3" />
            </span>
            <span className="font-medium">{definition.ui.label}</span>
            <span className="ml-auto text-xs text-muted-foreground">
              {CATEGORIES.find((c) => c.id === definition.ui.category)?.label}
            </span>
          </li>
        ))}
        {matches.length === 0 && (
          <li className="px-2 py-1.5 text-sm text-muted-foreground">No node type matches.</li>
        )}
      </ul>
    </div>
  );
}

/** The quick-add command menu (Mod+K): filter node types and add one at the centre. */
export function QuickAddDialog({
  open,
  onOpenChange,
  onPick,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (definition: AnyNodeDefinition) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a node</DialogTitle>
          <DialogDescription>Arrow keys choose, Enter adds it to the canvas.</DialogDescription>
        </DialogHeader>
        {open && (
          <QuickAddList
            onPick={(definition) => {
              onPick(definition);
              onOpenChange(false);
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
