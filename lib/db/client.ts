import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { Client as PgClient } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { acquireDataDirLock } from "./data-dir-lock";
import { applyMigrations, type SqlExecutor } from "./migrate";
import { createPgPool, pgDriver, pgliteDriver, type SqlDriver } from "./sql-driver";

/** The Prisma client type used across lib/db. */
export type Db = InstanceType<typeof PrismaClient>;

/** Which database backs this process. */
export type DbKind = "pglite" | "postgresql";

interface DbState {
  kind: DbKind;
  prisma: Db;
  /** The driver under `prisma`, for statements that skip Prisma's compiler (lib/db/raw-sql.ts). */
  driver: SqlDriver;
  close: () => Promise<void>;
  ready: Promise<void>;
}

const globalKey = Symbol.for("trellis.db");

/**
 * Interactive transactions here are a few short statements, but Prisma's defaults (2 s to start,
 * 5 s to finish) fail them on a busy machine (seen in CI under load); the limits only need to
 * catch a transaction that hangs.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };
type GlobalWithDb = typeof globalThis & { [globalKey]?: DbState };

/** Resolves the embedded data directory (`TRELLIS_DATA_DIR`, default `.data/`). */
export function dataDir(): string {
  return path.resolve(process.env.TRELLIS_DATA_DIR || ".data");
}

function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
}

async function migratePostgres(connectionString: string): Promise<void> {
  const client = new PgClient({ connectionString });
  await client.connect();
  try {
    await applyMigrations(
      {
        exec: async (sql) => void (await client.query(sql)),
        query: async <T>(sql: string, params?: unknown[]) =>
          (await client.query(sql, params)).rows as T[],
      },
      undefined,
      { advisoryLock: true },
    );
  } finally {
    await client.end();
  }
}

/** Opens PGlite in the data directory, holding its single-process lock. */
function openDataDir(): PGlite {
  const dir = dataDir();
  const heldBy = Number.parseInt(process.env.TRELLIS_LOCK_PID ?? "", 10);
  acquireDataDirLock(dir, process.pid, Number.isInteger(heldBy) ? [heldBy] : []);
  const pgDir = path.join(dir, "pglite");
  fs.mkdirSync(pgDir, { recursive: true });
  return new PGlite(pgDir);
}

/** Opens PostgreSQL (DATABASE_URL) or PGlite (in the data directory, or in memory for tests). */
function open(): DbState {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = createPgPool(url);
    const prisma = new PrismaClient({
      adapter: new PrismaPg(pool),
      transactionOptions: TRANSACTION_OPTIONS,
    });
    return {
      kind: "postgresql",
      prisma,
      driver: pgDriver(pool),
      close: () => pool.end(),
      ready: migratePostgres(url),
    };
  }
  const pglite = process.env.TRELLIS_PGLITE_IN_MEMORY === "1" ? new PGlite() : openDataDir();
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(pglite),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return {
    kind: "pglite",
    prisma,
    driver: pgliteDriver(pglite),
    close: () => pglite.close(),
    ready: applyMigrations(pgliteExecutor(pglite)).then(() => undefined),
  };
}

function state(): DbState {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= open();
  return g[globalKey];
}

/** The process-wide Prisma client, opened lazily (never at import, so `next build` opens nothing). */
export function getDb(): Db {
  return state().prisma;
}

/** The driver under the Prisma client (only lib/db/raw-sql.ts uses it). */
export function getSqlDriver(): SqlDriver {
  return state().driver;
}

/** Opens the database and applies pending migrations; await before serving. */
export async function prepareDatabase(): Promise<DbKind> {
  const s = state();
  await s.ready;
  return s.kind;
}

/** Which database this process uses, without opening it. */
export function configuredDbKind(): DbKind {
  return process.env.DATABASE_URL ? "postgresql" : "pglite";
}

/** Closes the database (tests and graceful shutdown). */
export async function closeDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const s = g[globalKey];
  if (!s) return;
  delete g[globalKey];
  await s.ready.catch(() => undefined);
  await s.prisma.$disconnect();
  await s.close();
}
