import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchPostgres, testDbKind } from "@/test/database";

const root = path.resolve(__dirname, "../../..");
const child = path.join(root, "test/crash/run-child.ts");

let env: NodeJS.ProcessEnv;
let cleanup = async () => undefined as void;
let dir = "";

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-crash-"));
  env = { ...process.env, TRELLIS_DATA_DIR: dir, LOG_LEVEL: "silent" };
  delete env.REDIS_URL;
  delete env.DATABASE_URL;
  if (testDbKind === "postgresql") {
    const scratch = await createScratchPostgres();
    env.DATABASE_URL = scratch.url;
    cleanup = scratch.drop;
  }
});

afterAll(async () => {
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Spawns the child; resolves with its stdout when it exits, or kills it when `killWhen` holds. */
function runChild(
  args: string[],
  killWhen?: () => boolean,
): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // One node process with tsx's loader (the tsx CLI would fork a grandchild that SIGKILL misses).
    const proc = spawn(process.execPath, ["--import", "tsx", child, ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d) => (stdout += d));
    proc.stderr.on("data", (d) => (stderr += d));
    const poll = killWhen && setInterval(() => killWhen() && proc.kill("SIGKILL"), 25);
    proc.on("exit", (code, signal) => {
      if (poll) clearInterval(poll);
      if (code !== 0 && signal !== "SIGKILL")
        reject(new Error(`child failed (${code}): ${stderr.slice(0, 2000)}`));
      else resolve({ stdout, signal });
    });
  });
}

describe(`a run cut off by SIGKILL resumes on the next start (${testDbKind})`, () => {
  it("never re-executes a completed node and reruns the interrupted attempt with the same key", async () => {
    const calls = path.join(dir, "calls.txt");
    const read = () =>
      fs.existsSync(calls) ? fs.readFileSync(calls, "utf8").trim().split("\n") : [];
    // Kill while the second model call is in flight (the first has completed and been recorded).
    const first = await runChild(["start", calls, "1500"], () =>
      read().some((line) => line.endsWith(":second:1")),
    );
    expect(first.signal).toBe("SIGKILL");
    const runId = /RUN (\S+)/.exec(first.stdout)?.[1];
    expect(runId).toBeTruthy();

    const second = await runChild(["resume", calls, "0"]);
    expect(second.stdout).toContain(`DONE ${runId} succeeded`);
    expect(read()).toEqual([`${runId}:first:1`, `${runId}:second:1`, `${runId}:second:1`]);
  }, 120_000);
});
