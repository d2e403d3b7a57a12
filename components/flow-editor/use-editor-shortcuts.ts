"use client";

import { useEffect } from "react";

/** What the editor's keyboard shortcuts act on. */
export interface ShortcutActions {
  undo: () => void;
  redo: () => void;
  duplicate: () => void;
  selectAll: () => void;
  remove: () => void;
  layout: () => void;
  fitView: () => void;
  quickAdd: () => void;
  showShortcuts: () => void;
  clearSelection: () => void;
  /** Stores pending edits now instead of waiting for autosave. */
  saveDraft: () => void;
  /** Opens the "Save version" dialog. */
  saveVersion: () => void;
}

/** True while typing in a field or working in a dialog: editor shortcuts stay out of the way. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.closest("[role=dialog]") !== null
  );
}

/**
 * Window-level keyboard shortcuts, ignored while typing or inside a dialog; Mod+S also works
 * while typing (and never opens the browser's "Save page").
 */
export function useEditorShortcuts(actions: ShortcutActions) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "s") {
        event.preventDefault();
        const inDialog =
          event.target instanceof Element && event.target.closest("[role=dialog]") !== null;
        if (!inDialog) (event.shiftKey ? actions.saveVersion : actions.saveDraft)();
        return;
      }
      if (isTextTarget(event.target)) return;
      if (mod && key === "z" && !event.shiftKey) {
        event.preventDefault();
        actions.undo();
      } else if (mod && ((key === "z" && event.shiftKey) || key === "y")) {
        event.preventDefault();
        actions.redo();
      } else if (mod && key === "d") {
        event.preventDefault();
        actions.duplicate();
      } else if (mod && key === "a") {
        event.preventDefault();
        actions.selectAll();
      } else if (!mod && (event.key === "Delete" || event.key === "Backspace")) {
        event.preventDefault();
        actions.remove();
      } else if (!mod && event.shiftKey && key === "l") {
        event.preventDefault();
        actions.layout();
      } else if (!mod && event.shiftKey && key === "f") {
        event.preventDefault();
        actions.fitView();
      } else if (mod && key === "k") {
        event.preventDefault();
        actions.quickAdd();
      } else if (event.key === "?") {
        event.preventDefault();
        actions.showShortcuts();
      } else if (event.key === "Escape") {
        actions.clearSelection();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions]);
}
