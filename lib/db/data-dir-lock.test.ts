import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, releaseDataDirLock } from "./data-dir-lock";

const LOCK_FILE = "trellis.lock";

/** A real live process to own locks: `sleep 30`, killed after the file. */
let sleeper: ChildProcess;
let livePid: number;
/** The pid of a process that has already exited. */
let deadPid: number;
let dir: string;

function lockOwner(): string | null {
  const file = path.join(dir, LOCK_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

beforeAll(async () => {
  sleeper = spawn("sleep", ["30"], { stdio: "ignore" });
  await once(sleeper, "spawn");
  livePid = sleeper.pid!;
  const shortLived = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  deadPid = shortLived.pid!;
  await once(shortLived, "exit");
  expect(() => process.kill(deadPid, 0)).toThrow();
});

afterAll(() => {
  sleeper.kill("SIGKILL");
});

beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trellis-lock-test-")), "data");
});

afterEach(() => {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe("acquireDataDirLock", () => {
  it("creates the data directory and writes the owner's pid on first acquire", () => {
    expect(fs.existsSync(dir)).toBe(false);
    acquireDataDirLock(dir, process.pid);
    expect(lockOwner()).toBe(String(process.pid));
  });

  it("is re-entrant for the pid that already holds the lock", () => {
    acquireDataDirLock(dir, process.pid);
    expect(() => acquireDataDirLock(dir, process.pid)).not.toThrow();
    expect(lockOwner()).toBe(String(process.pid));
  });

  it("refuses a second owner while the holder is alive, naming its pid and the directory", () => {
    acquireDataDirLock(dir, livePid);

    let caught: unknown;
    try {
      acquireDataDirLock(dir, process.pid);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirLockedError);
    const locked = caught as DataDirLockedError;
    expect(locked.pid).toBe(livePid);
    expect(locked.dir).toBe(dir);
    expect(locked.message).toContain(`pid ${livePid}`);
    expect(locked.message).toContain(dir);
    expect(locked.message).toMatch(/TRELLIS_DATA_DIR|DATABASE_URL/);
    expect(lockOwner()).toBe(String(livePid));
  });

  it("takes over a stale lock whose owner has exited", () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LOCK_FILE), String(deadPid));

    acquireDataDirLock(dir, process.pid);

    expect(lockOwner()).toBe(String(process.pid));
  });

  it("takes over an unreadable lock file", () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LOCK_FILE), "not a pid");

    acquireDataDirLock(dir, process.pid);

    expect(lockOwner()).toBe(String(process.pid));
  });

  it("hands a lock held by an allowed pid (the parent) over to the server process", () => {
    acquireDataDirLock(dir, livePid);

    expect(() => acquireDataDirLock(dir, process.pid, [livePid])).not.toThrow();
    expect(lockOwner()).toBe(String(process.pid));
    // The parent's pid no longer opens the door for anyone else.
    expect(() => acquireDataDirLock(dir, livePid, [deadPid])).toThrow(DataDirLockedError);
  });
});

describe("releaseDataDirLock", () => {
  it("removes the lock when we hold it, so the next owner can take it", () => {
    acquireDataDirLock(dir, process.pid);
    releaseDataDirLock(dir, process.pid);
    expect(lockOwner()).toBeNull();

    acquireDataDirLock(dir, livePid);
    expect(lockOwner()).toBe(String(livePid));
  });

  it("leaves another process's lock alone", () => {
    acquireDataDirLock(dir, livePid);

    releaseDataDirLock(dir, process.pid);

    expect(lockOwner()).toBe(String(livePid));
    expect(() => acquireDataDirLock(dir, process.pid)).toThrow(DataDirLockedError);
  });

  it("does nothing when there is no lock", () => {
    fs.mkdirSync(dir, { recursive: true });
    expect(() => releaseDataDirLock(dir, process.pid)).not.toThrow();
    expect(lockOwner()).toBeNull();
  });
});
