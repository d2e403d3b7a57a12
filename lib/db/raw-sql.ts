import type { Prisma } from "./generated/client";
import { getSqlDriver } from "./client";

/**
 * Rows of a raw statement, sent straight to the driver: the same SQL as `$queryRaw` without
 * Prisma's per-query compile step, for the run API's hot path (lib/db/README.md). Columns come
 * back as the driver reads them: timestamps as Dates, counts as numbers, numerics as strings,
 * JSON parsed. Not for use inside a Prisma transaction (it runs outside it).
 */
export async function rawRows<T>(query: Prisma.Sql): Promise<T[]> {
  return (await getSqlDriver().query<T>(query.text, query.values)).rows;
}

/** Runs a raw statement straight on the driver ({@link rawRows}); returns how many rows it changed. */
export async function rawExecute(query: Prisma.Sql): Promise<number> {
  return (await getSqlDriver().query(query.text, query.values)).affectedRows;
}
