/**
 * Child process for the crash/resume tests. `start`: seeds a workspace and a two-step LLM flow,
 * creates a run and executes it with a slow fake model (the parent SIGKILLs us mid-run).
 * `resume`: does what server startup does (resume interrupted runs) with a fast fake model.
 * Every model call appends its idempotency key to CALLS_FILE, so the parent can count executions.
 */
import fs from "node:fs";
import type { EnginePorts, LlmPort } from "@/lib/engine";
import { prepareDatabase } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { createRun, listRunsToResume, loadRun } from "@/lib/db/runs";
import { completeSetup } from "@/lib/server/setup";
import { executeRun } from "@/lib/server/runs/execute-run";

const [mode, callsFile, delayArg] = process.argv.slice(2);
const delayMs = Number(delayArg ?? 0);

const llm: LlmPort = {
  async complete(request, options) {
    fs.appendFileSync(callsFile!, `${options.idempotencyKey}\n`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const text = `answer to ${request.messages.at(-1)?.content ?? ""}`;
    return {
      text,
      usage: { inputTokens: 10, outputTokens: 5, cachedTokens: 0 },
      costUsd: 0.001,
      provider: "fake",
      model: "m",
      latencyMs: delayMs,
    };
  },
};
const unused = () => Promise.reject(new Error("not used in this flow"));
const ports: EnginePorts = {
  llm,
  http: { request: unused },
  secrets: { get: unused },
  prompts: { resolve: unused },
};

const step = (id: string, x: number) => ({
  id,
  type: "llm",
  typeVersion: 1,
  label: id,
  config: {
    prompt: { kind: "inline", template: `${id}: {{ input }}` },
    model: { connection: "simulated", model: "sim-small" },
  },
  policy: {},
  position: { x, y: 0 },
});

async function start(): Promise<void> {
  await prepareDatabase();
  const { workspaceId } = await completeSetup({
    name: "Crash",
    email: "crash@example.com",
    password: "crash-password-1",
    workspaceName: "Crash",
  });
  const graph = {
    nodes: [
      {
        id: "in",
        type: "input",
        typeVersion: 1,
        label: "in",
        config: {},
        policy: {},
        position: { x: 0, y: 0 },
      },
      step("first", 1),
      step("second", 2),
      {
        id: "out",
        type: "output",
        typeVersion: 1,
        label: "out",
        config: {},
        policy: {},
        position: { x: 3, y: 0 },
      },
    ],
    edges: [
      { id: "e1", source: "in", sourcePort: "out", target: "first", targetPort: "in" },
      { id: "e2", source: "first", sourcePort: "out", target: "second", targetPort: "in" },
      { id: "e3", source: "second", sourcePort: "out", target: "out", targetPort: "in" },
    ],
  };
  const flow = await createFlow(workspaceId, { name: "crash", graph });
  const run = await createRun({
    workspaceId,
    flowId: flow.id,
    graphSnapshot: graph,
    trigger: "api",
    input: { topic: "resume" },
  });
  process.stdout.write(`RUN ${run.id}\n`);
  await executeRun(run.id, { ports });
}

async function resume(): Promise<void> {
  await prepareDatabase();
  const runs = await listRunsToResume();
  await Promise.all(runs.map((r) => executeRun(r.id, { ports })));
  for (const r of runs) {
    const run = await loadRun(r.id);
    process.stdout.write(`DONE ${r.id} ${run?.status} ${JSON.stringify(run?.output)}\n`);
  }
}

(mode === "start" ? start() : resume()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
