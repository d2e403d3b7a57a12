import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

/** A production server started for the benchmark, and how to stop it. */
export interface BenchServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * `npm start` on `port` with a wiped data dir, its own dist dir (rebuilt whenever the sources
 * changed, like any `npm start`) and the benchmark-only pages enabled; resolves once healthy.
 * PGlite and no Redis unless `env` says otherwise (it overrides the app's environment).
 */
export async function startServer({
  port,
  portVariable = "BENCH_CANVAS_PORT",
  dataDir,
  distDir,
  env = {},
  log,
}: {
  port: number;
  portVariable?: string;
  dataDir: string;
  distDir: string;
  env?: Record<string, string>;
  log: (line: string) => void;
}): Promise<BenchServer> {
  const baseUrl = `http://localhost:${port}`;
  if (await healthy(baseUrl)) throw new Error(`port ${port} is taken; set ${portVariable}`);
  fs.rmSync(path.join(ROOT, dataDir), { recursive: true, force: true });
  log(`starting the app on ${baseUrl} (builds ${distDir} first when the sources changed) ...`);
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true, // its own process group, so stop() ends npm, tsx, next build and the server
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      TRELLIS_DATA_DIR: dataDir,
      TRELLIS_DIST_DIR: distDir,
      TRELLIS_BENCH_PAGES: "1",
      NEXTAUTH_URL: baseUrl,
      DATABASE_URL: "",
      REDIS_URL: "",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    });
  }
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (!exited) process.kill(-child.pid, "SIGKILL");
  };
  const deadline = Date.now() + 15 * 60_000;
  while (!(await healthy(baseUrl))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not start:\n${output.join("").slice(-4_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return { baseUrl, stop };
}
