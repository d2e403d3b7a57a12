/**
 * `npm run bench:engine`: engine overhead per node against LangGraph JS, added milliseconds per
 * persisted step on PGlite and PostgreSQL, and 10 parallel 200 ms simulated model calls.
 * Prints a table, then one JSON line per scenario (ARCHITECTURE.md section 9) as the last lines.
 */
import { createScratchDatabase, runChild, stopChildren, tempDataDir } from "./children";
import { benchOverhead } from "./overhead";
import { formatTable, type Measured } from "./stats";

const cleanups: (() => Promise<void> | void)[] = [];
let stopping = false;

let cleaning: Promise<void> = Promise.resolve();

/** Runs the pending cleanups; calls queue behind each other, so a later caller waits for an earlier one. */
function cleanUp(): Promise<void> {
  cleaning = cleaning.then(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await Promise.resolve()
        .then(cleanup)
        .catch((error: unknown) => console.error("bench cleanup failed:", error));
    }
  });
  return cleaning;
}

async function inDataDir(file: string, env: Record<string, string> = {}): Promise<Measured[]> {
  const data = tempDataDir();
  cleanups.push(data.remove);
  return runChild(file, { ...env, TRELLIS_DATA_DIR: data.dir });
}

const PARTS: { name: string; run: () => Promise<Measured[]> }[] = [
  { name: "engine overhead vs LangGraph", run: () => benchOverhead((line) => console.error(line)) },
  { name: "persisted steps on PGlite", run: () => inDataDir("persist-child.ts") },
  {
    name: "persisted steps on PostgreSQL",
    run: async () => {
      const scratch = await createScratchDatabase();
      cleanups.push(scratch.drop);
      return inDataDir("persist-child.ts", { DATABASE_URL: scratch.url });
    },
  },
  { name: "parallel simulated model calls", run: () => inDataDir("parallel-child.ts") },
];

async function main(): Promise<number> {
  const started = performance.now();
  const measured: Measured[] = [];
  const failures: string[] = [];
  for (const part of PARTS) {
    if (stopping) break;
    try {
      measured.push(...(await part.run()));
    } catch (error) {
      failures.push(`${part.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await cleanUp();
  }
  if (stopping) return 130;
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  for (const failure of failures) console.error(`FAILED ${failure}`);
  console.log(`\nbench:engine (${seconds} s)\n`);
  console.log(formatTable(measured));
  console.log(
    "\nNotes: ours = runFlow (lib/engine) with the real Input, Output and Merge nodes and a minimal " +
      "pass-through node defined in the bench (no template rendering: work, not engine overhead); " +
      "flows validated and compiled once outside the timed loop; no onEvent listener. Peer = LangGraph JS " +
      "StateGraph, no checkpointer, trivial node functions, compiled once. Same number of executed nodes " +
      "on both sides; rounds alternate ours/peer in one process.\n",
  );
  for (const { result } of measured) console.log(JSON.stringify(result));
  return failures.length > 0 ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping the benchmark and cleaning up ...`);
    void stopChildren()
      .then(cleanUp)
      .finally(() => process.exit(130));
  });
}

main().then(
  (code) => {
    if (!stopping) process.exit(code); // else the signal handler exits once cleaned up
  },
  async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  },
);
