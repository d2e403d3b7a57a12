import fs from "node:fs";
import path from "node:path";

/** Thrown when another live process owns the PGlite data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Another Trellis process (pid ${pid}) is using the data directory ${dir}. ` +
        "PGlite is single-process: stop that process, or point TRELLIS_DATA_DIR elsewhere, " +
        "or use PostgreSQL via DATABASE_URL.",
    );
  }
}

const LOCK_FILE = "trellis.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the exclusive lock on a data directory for `ownerPid`, or throws DataDirLockedError.
 * A lock whose owner is dead (kill -9 leaves one) is stale and taken over. A lock held by one of
 * `allowedPids` (the `npm start` parent that took it before building) is handed over to `ownerPid`,
 * so the lock stays live for as long as the server itself runs, even if the parent is killed.
 */
export function acquireDataDirLock(
  dir: string,
  ownerPid = process.pid,
  allowedPids: number[] = [],
): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.writeFileSync(file, String(ownerPid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(file);
    if (owner === ownerPid) return;
    if (owner !== null && allowedPids.includes(owner)) {
      fs.writeFileSync(file, String(ownerPid));
      return;
    }
    if (owner !== null && isAlive(owner)) throw new DataDirLockedError(dir, owner);
    // Stale (dead owner or unreadable): remove it and race for a fresh one.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not take the lock on ${dir}`);
}

/** Releases the lock if `ownerPid` still holds it. */
export function releaseDataDirLock(dir: string, ownerPid = process.pid): void {
  const file = path.join(dir, LOCK_FILE);
  if (readOwner(file) === ownerPid) fs.rmSync(file, { force: true });
}
