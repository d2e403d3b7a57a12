import { z } from "zod";

/** Where a keyset page starts: strictly after this row in (createdAt desc, id desc) order. */
export interface KeysetCursor {
  createdAt: string;
  id: string;
}

/** An opaque cursor: base64url of the row's creation instant and id. */
export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

const cursorPartsSchema = z.tuple([z.iso.datetime(), z.string().regex(/^[\w-]{1,64}$/)]);

/** The row a cursor points after, or null when it is not one this API made. */
export function decodeKeysetCursor(text: string): KeysetCursor | null {
  if (!/^[\w-]{1,400}$/.test(text)) return null;
  try {
    const parts = cursorPartsSchema.safeParse(
      JSON.parse(Buffer.from(text, "base64url").toString("utf8")),
    );
    return parts.success ? { createdAt: parts.data[0], id: parts.data[1] } : null;
  } catch {
    return null;
  }
}

/** An empty query parameter means "no filter". */
export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const dateMessage = "Use a date like 2026-01-31 or a date and time like 2026-01-31T09:30:00Z";

/** A day (UTC) or an instant; the transform gives the instant the bound starts or ends at. */
export function dateBound(edge: "start" | "end") {
  return z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: dateMessage })
    .transform((text) => {
      if (text.length > 10) return new Date(text).toISOString();
      // A day includes all of itself: `to` ends just before the next day starts.
      const start = new Date(`${text}T00:00:00.000Z`);
      if (edge === "start") return start.toISOString();
      return new Date(start.getTime() + 86_400_000 - 1).toISOString();
    });
}

/** The `cursor` parameter of a keyset list: a cursor this API made, else a field error. */
export const cursorParam = optionalParam(
  z.string().transform((text, ctx) => {
    const cursor = decodeKeysetCursor(text);
    if (cursor) return cursor;
    ctx.addIssue({ code: "custom", message: "Not a cursor from this list; start over" });
    return z.NEVER;
  }),
);

/** The `limit` parameter of a keyset list: 1..max rows, `fallback` when absent. */
export function pageSizeParam(max: number, fallback: number) {
  return optionalParam(
    z.coerce
      .number({ error: "Use a whole number" })
      .int("Use a whole number")
      .min(1, "At least 1")
      .max(max, `At most ${max}`),
  ).transform((limit) => limit ?? fallback);
}

/** `from` and `to` as parsed bounds: true unless the end lies before the start. */
export const rangeInOrder = (query: { from?: string; to?: string }) =>
  !query.from || !query.to || query.from <= query.to;

/**
 * A keyset page from rows read with `limit + 1`: the first `limit` rows as items, and a cursor
 * after the last of them when the extra row shows that more exist.
 */
export function keysetPage<R, T extends KeysetCursor>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit).map(toItem);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeKeysetCursor({ createdAt: last.createdAt, id: last.id })
      : null;
  return { items, nextCursor };
}
