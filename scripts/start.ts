/**
 * `npm start` (and `npm run dev` with --dev): takes the data-directory lock, prepares the
 * instance secrets, builds when the sources changed, then serves through scripts/serve.mjs.
 * The lock is checked before building, so a second start cannot overwrite a running server's .next.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  acquireDataDirLock,
  DataDirLockedError,
  releaseDataDirLock,
} from "../lib/db/data-dir-lock";
import { loadInstanceSecrets } from "../lib/server/instance-secrets";
import { executionMode } from "../lib/server/queue/mode";
import { buildStamp } from "./build-stamp";

const root = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
const dataDir = path.resolve(process.env.TRELLIS_DATA_DIR || path.join(root, ".data"));
const port = process.env.PORT || "3000";
const distDir = path.join(root, process.env.TRELLIS_DIST_DIR || ".next");

function fail(message: string): never {
  console.error(`\ntrellis: ${message}\n`);
  process.exit(1);
}

try {
  executionMode();
} catch (error) {
  fail((error as Error).message);
}

try {
  acquireDataDirLock(dataDir);
} catch (error) {
  if (error instanceof DataDirLockedError) fail(error.message);
  throw error;
}
const release = () => releaseDataDirLock(dataDir);
process.on("exit", release);

const secrets = loadInstanceSecrets(dataDir);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  TRELLIS_DATA_DIR: dataDir,
  TRELLIS_LOCK_PID: String(process.pid),
  NEXTAUTH_SECRET: secrets.authSecret,
  TRELLIS_ENCRYPTION_KEY: secrets.encryptionKey,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: port,
};

if (!dev) {
  const stampFile = path.join(distDir, "trellis-build-stamp");
  const stamp = buildStamp(root);
  const built =
    fs.existsSync(path.join(distDir, "BUILD_ID")) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, "utf8").trim() === stamp;
  if (!built) {
    console.log("trellis: building the app (first start or sources changed)...");
    const result = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    if (result.status !== 0) fail("the build failed (see above).");
    fs.writeFileSync(stampFile, stamp);
  }
}

const server = spawn(
  process.execPath,
  [path.join(root, "scripts/serve.mjs"), ...(dev ? ["--dev"] : [])],
  {
    cwd: root,
    env,
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => {
  release();
  process.exit(code ?? (signal ? 1 : 0));
});
