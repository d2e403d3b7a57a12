import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import type { SqlExecutor } from "@/lib/db/migrate";
import { createScratchPostgres, testDbKind } from "./database";

/** A SqlExecutor over a dedicated pg.Client (simple query protocol for multi-statement SQL). */
export function pgExecutor(client: Client): SqlExecutor {
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as T[],
  };
}

/** A SqlExecutor over a PGlite instance. */
export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
}

/** An empty raw database of the kind under test, with a way to open more clients on it (PostgreSQL only). */
export interface RawTestDatabase {
  db: SqlExecutor;
  /** Opens another connection to the same database (PostgreSQL only). */
  connect?: () => Promise<SqlExecutor & { end: () => Promise<void> }>;
  close: () => Promise<void>;
}

/** An in-memory PGlite, or a scratch PostgreSQL database when TEST_DB_KIND=postgresql. */
export async function openRawTestDatabase(): Promise<RawTestDatabase> {
  if (testDbKind === "pglite") {
    const pglite = new PGlite();
    return { db: pgliteExecutor(pglite), close: () => pglite.close() };
  }
  const scratch = await createScratchPostgres();
  const clients: Client[] = [];
  const connect = async () => {
    const client = new Client({ connectionString: scratch.url });
    await client.connect();
    clients.push(client);
    return { ...pgExecutor(client), end: () => client.end() };
  };
  const first = await connect();
  return {
    db: first,
    connect,
    close: async () => {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await scratch.drop();
    },
  };
}

/** Names of the tables in the public schema, sorted. */
export async function publicTables(db: SqlExecutor): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.name);
}

/**
 * Writes a temporary migrations folder: `{ "20240101000001_create": "CREATE TABLE ..." }` becomes
 * `<dir>/20240101000001_create/migration.sql`. Returns the directory and a cleanup function.
 */
export function writeMigrationsDir(files: Record<string, string>): {
  dir: string;
  remove: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
