import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDatabase, prepareDatabase } from "@/lib/db/client";

/** Which database the db test project runs on: "pglite" (default) or "postgresql". */
export const testDbKind = process.env.TEST_DB_KIND === "postgresql" ? "postgresql" : "pglite";

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh scratch database URL on the TEST_DATABASE_URL server; drop it with the returned function. */
export async function createScratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!process.env.TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `trellis_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * Gives the test file (call once at its top) its own migrated database through the app's real client: a temp PGlite
 * data directory, or a scratch PostgreSQL database when TEST_DB_KIND=postgresql.
 */
export function setupTestDatabase(): void {
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    delete process.env.REDIS_URL;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-db-test-"));
    process.env.TRELLIS_DATA_DIR = dir;
    if (testDbKind === "postgresql") {
      const scratch = await createScratchPostgres();
      process.env.DATABASE_URL = scratch.url;
      cleanup = scratch.drop;
    } else {
      delete process.env.DATABASE_URL;
      // In memory: the same PGlite engine and migrations, without a file-backed cluster per test file.
      process.env.TRELLIS_PGLITE_IN_MEMORY = "1";
    }
    await prepareDatabase();
    const previous = cleanup;
    cleanup = async () => {
      await closeDatabase();
      await previous();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(() => cleanup());
}
