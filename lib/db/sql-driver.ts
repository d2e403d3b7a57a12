import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The database driver under Prisma, for the statements that skip Prisma's query compiler (the run
 * API's hot path, lib/db/README.md): the same pg pool Prisma uses, or the same PGlite instance.
 */
export interface SqlDriver {
  /** Runs one statement with `$n` parameters; rows and the count of rows it changed. */
  query<T>(text: string, values: readonly unknown[]): Promise<{ rows: T[]; affectedRows: number }>;
}

const OID = { int8: 20, timestamp: 1114 } as const;

/** Prisma keeps DateTime as UTC wall time in `timestamp(3)` columns: read it back as UTC. */
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

/** Counts (`int8`) as numbers, like PGlite does; larger values than 2^53 never occur here. */
const parseInt8 = (text: string) => Number(text);

/** Dates travel as UTC ISO strings, so `timestamp` columns get UTC whatever the process time zone. */
const toParameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** A pg pool for PostgreSQL whose own parsers (Prisma passes its own per query) match PGlite's. */
export function createPgPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === OID.timestamp) return parseUtcTimestamp;
        if (oid === OID.int8) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closed (restart, dropped database) is discarded by the pool and
  // the next query opens a new one; unheard, its error event would end the process.
  pool.on("error", () => undefined);
  return pool;
}

/**
 * At most this many statement texts are prepared; later new ones run unnamed. Group commits make
 * statements whose text grows with the batch, and each prepared one stays in every connection.
 */
const MAX_PREPARED = 256;

/** Names statements by their text: PostgreSQL parses and plans a named one once per connection. */
function statementNamer(): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (!name && names.size < MAX_PREPARED) {
      name = `trellis_${createHash("sha1").update(text).digest("base64url")}`;
      names.set(text, name);
    }
    return name;
  };
}

/**
 * The driver over the pool Prisma's adapter uses. Statements are prepared (named by their text),
 * which spares the server parsing and planning the hot path's statements on every call (measured
 * in bench:endpoint: PostgreSQL's CPU per run down by 40 %).
 */
export function pgDriver(pool: pg.Pool): SqlDriver {
  const statementName = statementNamer();
  return {
    async query<T>(text: string, values: readonly unknown[]) {
      const result = await pool.query({
        name: statementName(text),
        text,
        values: values.map(toParameter),
      });
      return { rows: result.rows as T[], affectedRows: result.rowCount ?? 0 };
    },
  };
}

/** The driver over the PGlite instance Prisma's adapter uses (it serialises statements itself). */
export function pgliteDriver(pglite: PGlite): SqlDriver {
  const parsers = { [OID.timestamp]: parseUtcTimestamp, [OID.int8]: parseInt8 };
  return {
    async query<T>(text: string, values: readonly unknown[]) {
      const result = await pglite.query<T>(text, values.map(toParameter), { parsers });
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
  };
}
