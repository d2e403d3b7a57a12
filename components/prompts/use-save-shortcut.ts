"use client";

import { useEffect, useEffectEvent } from "react";

/**
 * Ctrl+S (Cmd+S on macOS) anywhere on the page, typing in the editor included, runs `onSave`
 * instead of the browser's "Save page"; ignored inside dialogs.
 */
export function useSaveShortcut(onSave: () => void) {
  const save = useEffectEvent(onSave);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.shiftKey || event.altKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      const inDialog =
        event.target instanceof Element &&
        event.target.closest("[role=dialog],[role=alertdialog]") !== null;
      if (!inDialog) save();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
