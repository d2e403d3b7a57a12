/** Pretty-printed JSON for display (`null` for values JSON cannot represent). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}
