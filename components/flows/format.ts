const integer = new Intl.NumberFormat("en-US");

/** "1,234" */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A decimal USD amount with 6 decimals: "$0.000111". */
export function formatCost(costUsd: string | number): string {
  const value = Number(costUsd);
  return Number.isFinite(value) ? `$${value.toFixed(6)}` : "—";
}

/** "850 ms", "1.21 s", "2 min 5 s"; a dash when unknown. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** A JSON pointer of an input issue, readable: "/items/0/name" -> "items.0.name", "" -> "input". */
export function issuePath(pointer: string): string {
  if (!pointer) return "input";
  return pointer
    .replace(/^\//, "")
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
}

/** The message of a run or node error (`{ code, message }`), or a string error as it is. */
export function errorText(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  if (typeof error === "string") return error;
  if (typeof error === "object") {
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return JSON.stringify(error);
}

/** The code of a run or node error, when it has one. */
export function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code ? code : null;
}
