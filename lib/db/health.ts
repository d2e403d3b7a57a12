import { getDb, prepareDatabase, type DbKind } from "./client";

/** Opens the database if needed and runs a trivial query; returns which kind answered. */
export async function pingDatabase(): Promise<DbKind> {
  const kind = await prepareDatabase();
  await getDb().$queryRaw`SELECT 1`;
  return kind;
}
