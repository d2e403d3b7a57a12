/** The theme a user can pick; "system" follows the operating system. */
export type ThemePreference = "light" | "dark" | "system";

/** localStorage key holding the user's theme preference. */
export const THEME_STORAGE_KEY = "trellis-theme";

/** Custom event fired on `window` when the preference changes in this tab. */
export const THEME_CHANGE_EVENT = "trellis-theme-change";

/**
 * Runs inline in <head> before first paint, so the page never flashes the wrong theme.
 * Kept as a constant string: nothing user-supplied is ever interpolated into it.
 */
export const THEME_INIT_SCRIPT = `(function(){try{var p=localStorage.getItem("${THEME_STORAGE_KEY}");var d=p==="dark"||((p!=="light")&&window.matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light";}catch(_){}})();`;

/** Reads the stored preference, defaulting to "system". */
export function readThemePreference(): ThemePreference {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

/** Applies a preference to <html> (class and color-scheme). */
export function applyTheme(preference: ThemePreference): void {
  const dark =
    preference === "dark" ||
    (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.style.colorScheme = dark ? "dark" : "light";
}

/** Stores and applies a preference, and tells every listener in this tab. */
export function setThemePreference(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage can be unavailable (private mode); the theme still applies for this page.
  }
  applyTheme(preference);
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
}
