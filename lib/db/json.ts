import { Prisma } from "./generated/client.ts";

/** Maps a JS value to a Prisma JSON column input: undefined leaves it, null stores SQL NULL. */
export function jsonInput(
  value: unknown,
): Prisma.InputJsonValue | typeof Prisma.DbNull | undefined {
  if (value === undefined) return undefined;
  if (value === null) return Prisma.DbNull;
  return value as Prisma.InputJsonValue;
}

/** Maps a JS value to a required JSON column input (null and undefined store an empty object). */
export function jsonValue(value: unknown): Prisma.InputJsonValue {
  return (value ?? {}) as Prisma.InputJsonValue;
}

/** A JS value as JSON text for a raw `::jsonb` parameter: undefined and null store SQL NULL. */
export function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
