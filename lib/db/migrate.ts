import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Something that can run multi-statement SQL with the simple query protocol. */
export interface SqlExecutor {
  /** Runs SQL that may hold several statements. */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised query and returns its rows. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A migration folder on disk. */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Raised when an applied migration file was edited afterwards. */
export class MigrationChecksumError extends Error {}

const ADVISORY_LOCK_KEY = 727_114_001;

/** Default location of migration folders (`prisma/migrations`). */
export function migrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` files in order. */
export function readMigrations(dir = migrationsDir()): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((entry) => /^\d{14}_[a-z0-9_]+$/.test(entry))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction, recording name and checksum.
 * Refuses to run when an applied file changed. `lock` serialises concurrent runners (PostgreSQL).
 */
export async function applyMigrations(
  db: SqlExecutor,
  migrations: MigrationFile[] = readMigrations(),
  options: { advisoryLock?: boolean } = {},
): Promise<string[]> {
  if (options.advisoryLock) await db.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS "_trellis_migrations" (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map(
      (
        await db.query<{ name: string; checksum: string }>(
          `SELECT name, checksum FROM "_trellis_migrations"`,
        )
      ).map((row) => [row.name, row.checksum]),
    );
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined && checksum !== migration.checksum) {
        throw new MigrationChecksumError(
          `Migration ${migration.name} was changed after it was applied (checksum mismatch). ` +
            "Write a new migration instead of editing an applied one.",
        );
      }
    }
    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      const record = `INSERT INTO "_trellis_migrations" (name, checksum) VALUES ('${migration.name}', '${migration.checksum}');`;
      await db
        .exec(`BEGIN;\n${migration.sql}\n${record}\nCOMMIT;`)
        .catch(async (error: unknown) => {
          await db.exec("ROLLBACK;").catch(() => undefined);
          throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
        });
      done.push(migration.name);
    }
    return done;
  } finally {
    if (options.advisoryLock) await db.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}
