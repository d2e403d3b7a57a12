"use client";

import { useLayoutEffect, useRef, useState } from "react";

/**
 * A widget's local draft of `value`: it keeps edits that cannot be saved yet (a duplicate key)
 * and starts again from `value` when that changes elsewhere (undo, reload).
 */
export function useDraft<T>(
  value: unknown,
  read: (value: unknown) => T,
  stands: (draft: T, value: unknown) => boolean,
): [T, (next: T) => void] {
  const [draft, setDraft] = useState(() => read(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (!stands(draft, value)) setDraft(read(value));
  }
  return [draft, setDraft];
}

/** Focuses an element by id after the next render (rows added, moved or removed). */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  // A layout effect, so keys typed right after the click already land in the new row.
  useLayoutEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id) => {
    pending.current = id;
  };
}

let sequence = 0;
/** A fresh row id, unique in this page. */
export const newRowId = () => `row${++sequence}`;
