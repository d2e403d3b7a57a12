import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Redis from "ioredis";

const root = path.resolve(__dirname, "..");

/** A `npm run worker` child process. */
export interface WorkerProcess {
  pid: number;
  exited: Promise<number | null>;
  /** Sends the signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a queue worker process (`script`, default scripts/worker.ts) with this process's
 * environment plus `env` (tests, and `npm run bench:queue`).
 */
export function startWorkerProcess(
  env: Record<string, string>,
  script = "scripts/worker.ts",
): WorkerProcess {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a child process, so
  // a SIGKILL would reach only the CLI and leave the worker running.
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: process.env.TEST_WORKER_LOGS ? "inherit" : "ignore",
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    pid: child.pid!,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** One request the fake downstream service received. */
export interface DownstreamCall {
  path: string;
  idempotencyKey: string | undefined;
}

/** A fake downstream HTTP service on loopback that records every call before answering it. */
export interface FakeDownstream {
  url: string;
  calls: DownstreamCall[];
  /** Runs before a call is answered (a fault test kills a worker here). */
  onCall?: (call: DownstreamCall) => void | Promise<void>;
  close(): Promise<void>;
}

/** Starts a {@link FakeDownstream}: it answers `{ ok: true, n }` with the number of calls so far. */
export async function startFakeDownstream(): Promise<FakeDownstream> {
  const downstream: FakeDownstream = {
    url: "",
    calls: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", async () => {
      const call = {
        path: request.url ?? "",
        idempotencyKey: request.headers["idempotency-key"] as string | undefined,
      };
      downstream.calls.push(call);
      await downstream.onCall?.(call);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ ok: true, n: downstream.calls.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  downstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return downstream;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Deletes every Redis key under a queue prefix (a test's own queue). */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

/** Worker settings for fault tests: short leases and sweeps, so recovery takes seconds. */
export function faultTestWorkerEnv(redisUrl: string, prefix: string, leaseMs: number) {
  return {
    REDIS_URL: redisUrl,
    TRELLIS_QUEUE_PREFIX: prefix,
    TRELLIS_LEASE_MS: String(leaseMs),
    TRELLIS_ORPHAN_SWEEP_MS: "250",
    TRELLIS_ORPHAN_QUEUED_MS: "5000",
    TRELLIS_WORKER_CONCURRENCY: "10",
    TRELLIS_WORKER_GRACE_MS: "1000",
  };
}
