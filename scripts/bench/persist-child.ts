/**
 * Part 2 child (one database per process): added milliseconds per persisted step. Runs a 20-node
 * chain with the real run recorder wired as executeRun wires it (onEvent + checkpoint) until
 * `flush()` resolves (every step durable), paired with the same run without a recorder.
 * Database: DATABASE_URL (PostgreSQL) or TRELLIS_DATA_DIR (PGlite).
 */
import { compileFlow, runFlow } from "@/lib/engine";
import { closeDatabase, configuredDbKind } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { createRun } from "@/lib/db/runs";
import { createRunRecorder } from "@/lib/server/runs/run-recorder";
import { progress, report, runChildMain, seedWorkspace } from "./child-io";
import { benchRegistry, chainGraph, idlePorts } from "./flows";
import { benchResult, median, quantile } from "./stats";

const STEPS = 20;
const WARMUP_RUNS = 5;
const MAX_RUNS = 300;
const BUDGET_MS = 20_000;
const INPUT = { question: "How far is the moon?" };

async function main(): Promise<void> {
  const kind = configuredDbKind();
  const workspaceId = await seedWorkspace();
  const graph = chainGraph(STEPS);
  const compiled = compileFlow(graph, benchRegistry);
  const flow = await createFlow(workspaceId, { name: "bench chain-20", graph });
  const nodeTypes = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const base = { graph, registry: benchRegistry, input: INPUT, ports: idlePorts, compiled };

  /** One paired sample: ms per step added by recording, and the recorded run's total ms. */
  async function sample(): Promise<{ addedPerStep: number; recordedMs: number }> {
    const run = await createRun({
      workspaceId,
      flowId: flow.id,
      graphSnapshot: graph,
      trigger: "api",
      input: INPUT,
    });
    let started = performance.now();
    const plain = await runFlow({ ...base, runId: run.id });
    const plainMs = performance.now() - started;
    const recorder = createRunRecorder({ workspaceId, runId: run.id, nodeTypes, firstSeq: 0 });
    started = performance.now();
    const recorded = await runFlow({
      ...base,
      runId: run.id,
      onEvent: recorder.onEvent,
      checkpoint: recorder.checkpoint,
    });
    await recorder.flush();
    const recordedMs = performance.now() - started;
    if (plain.status !== "succeeded" || recorded.status !== "succeeded")
      throw new Error("run failed");
    return { addedPerStep: (recordedMs - plainMs) / STEPS, recordedMs };
  }

  progress(`persisted steps on ${kind}: warming up ...`);
  for (let i = 0; i < WARMUP_RUNS; i++) await sample();
  const added: number[] = [];
  const totals: number[] = [];
  const start = performance.now();
  while (added.length < MAX_RUNS && performance.now() - start < BUDGET_MS) {
    const s = await sample();
    added.push(s.addedPerStep);
    totals.push(s.recordedMs);
  }
  const detail =
    `${added.length} runs of a ${STEPS}-node chain (Input, 18 pass-through, Output) with createRunRecorder (onEvent + checkpoint, as executeRun), ` +
    `each paired with the same run unrecorded; added ms / ${STEPS} steps, timed until flush() resolved ` +
    `(recorded run median ${median(totals).toFixed(1)} ms, max ${Math.max(...totals).toFixed(1)} ms)`;
  for (const [label, q] of [
    ["p50", 0.5],
    ["p99", 0.99],
  ] as const) {
    const result = benchResult(
      `persist-step-${kind}-${label}`,
      "ms",
      quantile(added, q),
      null,
      "<=2",
    );
    report({ result, detail });
  }
}

runChildMain(main, closeDatabase);
