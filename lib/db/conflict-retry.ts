/** SQLSTATEs PostgreSQL answers when a statement lost a race and should simply run again. */
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

interface DriverAdapterErrorMeta {
  driverAdapterError?: { cause?: { originalCode?: string } };
}

/**
 * True for a serialization failure or a deadlock (Prisma names the first P2034; a raw query's
 * error carries the SQLSTATE as the driver's original code; the driver's own error, from
 * lib/db/raw-sql.ts, as its code).
 */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: string; meta?: DriverAdapterErrorMeta };
  if (code === "P2034" || (code !== undefined && RETRYABLE_SQLSTATES.has(code))) return true;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  return sqlState !== undefined && RETRYABLE_SQLSTATES.has(sqlState);
}

/**
 * Runs `work` again (up to `attempts` times in all, after a short jittered pause) while it fails
 * with a retryable conflict; any other error, or the last conflict, is thrown.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
