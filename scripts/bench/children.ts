import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { RESULT_PREFIX, type Measured } from "./stats";

const ROOT = path.resolve(__dirname, "../..");
const running = new Set<ChildProcess>();

// The PostgreSQL server to use (`BENCH_DATABASE_URL`, default root on 127.0.0.1:5432).
const benchDatabaseUrl = () =>
  process.env.BENCH_DATABASE_URL || "postgresql://root@127.0.0.1:5432/postgres";

// The URL without its password, for messages.
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({
    connectionString: benchDatabaseUrl(),
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `trellis_bench_<pid>` on the bench server; returns its URL and the function that drops it. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `trellis_bench_${process.pid}`;
  try {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL at ${safeUrl(benchDatabaseUrl())} is not usable (${reason}); set BENCH_DATABASE_URL`,
    );
  }
  const url = new URL(benchDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A temporary directory for a child's PGlite data and instance secrets, and its removal. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-bench-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `scripts/bench/<file>` in its own Node process (one database client per process) and
 * collects the figures it reports; its other output goes to stderr.
 */
export function runChild(file: string, env: Record<string, string>): Promise<Measured[]> {
  const childEnv: NodeJS.ProcessEnv = { LOG_LEVEL: "warn", ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  delete childEnv.REDIS_URL;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, file)], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.add(child);
  const results: Measured[] = [];
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith(RESULT_PREFIX))
        results.push(JSON.parse(line.slice(RESULT_PREFIX.length)));
      else if (line.trim()) process.stderr.write(`${line}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(results);
      else reject(new Error(`${file} exited with ${signal ?? code}`));
    });
  });
}

/** Stops the children this process started (on Ctrl-C); resolves once they exited (at most 5 s). */
export function stopChildren(): Promise<void> {
  const exits = [...running].map(
    (child) =>
      new Promise<void>((resolve) => {
        child.once("close", () => resolve());
        child.kill("SIGTERM");
      }),
  );
  const limit = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
  return Promise.race([Promise.all(exits).then(() => undefined), limit]);
}
