"use client";

import type { AnyNodeDefinition } from "@/lib/engine";
import { Palette } from "./palette";

/** The left-hand "Nodes" column: the palette, or a note when the role cannot edit. */
export function PaletteSection({
  canEdit,
  onAdd,
}: {
  canEdit: boolean;
  onAdd: (definition: AnyNodeDefinition) => void;
}) {
  return (
    <section
      aria-labelledby="palette-heading"
      className="hidden w-48 shrink-0 flex-col gap-3 border-r p-3 lg:flex"
    >
      <h2 id="palette-heading" className="text-sm font-semibold">
        Nodes
      </h2>
      {canEdit ? (
        <Palette onAdd={onAdd} />
      ) : (
        <p className="text-sm text-muted-foreground">Your role can look but not edit.</p>
      )}
    </section>
  );
}
