/** Where runs execute: in the process that starts them, or on queue workers. */
export type ExecutionMode = "inline" | "queue";

/**
 * The execution mode from the environment: `TRELLIS_EXECUTION` (inline or queue) when set, else
 * queue exactly when `REDIS_URL` is set. Queue mode needs PostgreSQL (`DATABASE_URL`): PGlite is
 * one process's database, so it is refused with a message that says what to change.
 */
export function executionMode(env: Partial<NodeJS.ProcessEnv> = process.env): ExecutionMode {
  const explicit = env.TRELLIS_EXECUTION?.trim();
  if (explicit && explicit !== "inline" && explicit !== "queue")
    throw new Error(`TRELLIS_EXECUTION must be "inline" or "queue", not "${explicit}".`);
  const mode: ExecutionMode =
    (explicit as ExecutionMode | undefined) ?? (env.REDIS_URL ? "queue" : "inline");
  if (mode === "queue" && !env.REDIS_URL) throw new Error("Queue mode needs Redis: set REDIS_URL.");
  if (mode === "queue" && !env.DATABASE_URL)
    throw new Error(
      "Queue mode (REDIS_URL is set) needs PostgreSQL: set DATABASE_URL. The embedded database " +
        "(PGlite) belongs to one process, so workers cannot share it; for the embedded mode, unset " +
        "REDIS_URL or set TRELLIS_EXECUTION=inline.",
    );
  return mode;
}
