"use client";

import { useCallback, useSyncExternalStore } from "react";

/** How many recent runs the overlay can average over. */
export const COST_WINDOWS = [10, 20, 50, 100] as const;

/** The overlay's remembered choice: shown or not, and over how many runs. */
export interface CostOverlayPrefs {
  on: boolean;
  last: number;
}

const STORAGE_KEY = "trellis-editor-costs";
const CHANGE_EVENT = "trellis-editor-costs-change";
const DEFAULTS: CostOverlayPrefs = { on: false, last: 20 };
// Used when storage is unavailable (private mode), so the toggle still works for the page.
let memory = JSON.stringify(DEFAULTS);

function readRaw(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? memory;
  } catch {
    return memory;
  }
}

function parse(raw: string): CostOverlayPrefs {
  try {
    const value = JSON.parse(raw) as Partial<CostOverlayPrefs>;
    const last = COST_WINDOWS.find((n) => n === value.last) ?? DEFAULTS.last;
    return { on: value.on === true, last };
  } catch {
    return DEFAULTS;
  }
}

function write(prefs: CostOverlayPrefs): void {
  memory = JSON.stringify(prefs);
  try {
    window.localStorage.setItem(STORAGE_KEY, memory);
  } catch {
    // Storage can be unavailable; the in-memory copy keeps the choice for this page.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/**
 * The cost overlay's choice, off by default and remembered in localStorage; the top-bar toggle
 * and the canvas overlay read the same store, so neither passes it through the editor.
 */
export function useCostOverlayPrefs() {
  const raw = useSyncExternalStore(subscribe, readRaw, () => JSON.stringify(DEFAULTS));
  const prefs = parse(raw);
  const toggle = useCallback(() => {
    const current = parse(readRaw());
    write({ ...current, on: !current.on });
  }, []);
  const setLast = useCallback((last: number) => write({ ...parse(readRaw()), last }), []);
  return { ...prefs, toggle, setLast };
}
