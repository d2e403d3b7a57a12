/**
 * Part 3 child (PGlite in TRELLIS_DATA_DIR): wall time of a fan-out of 10 LLM nodes on the built-in
 * `simulated` connection (200 ms per call) through the engine and the real model port (connection
 * lookup, cache check, circuit breaker, bulkhead, simulated adapter, pricing), a fresh port per run.
 */
import { compileFlow, runFlow, validateFlow, type EnginePorts, type FlowGraph } from "@/lib/engine";
import { closeDatabase } from "@/lib/db/client";
import { nodeRegistry } from "@/lib/nodes";
import type { SimulatedKnobs } from "@/lib/nodes/shared/simulated-knobs";
import { createLlmPort } from "@/lib/server/llm/llm-port";
import { progress, report, runChildMain, seedWorkspace } from "./child-io";
import { fanOutGraph, flowNode, idlePorts } from "./flows";
import { benchResult, median } from "./stats";

const WIDTH = 10;
const LATENCY_MS = 200;
const ROUNDS = 15;
/** A 200 ms call: streaming pauses off (the LLM node always streams; nobody listens here). */
const KNOBS: SimulatedKnobs = { latencyMs: LATENCY_MS, tokenDelayMs: 0 };

function graph(): FlowGraph {
  const model = { connection: "simulated", model: "sim-small" };
  const branches = Array.from({ length: WIDTH }, (_, i) =>
    flowNode(`llm${i}`, "llm", {
      prompt: { kind: "inline", template: `Question ${i}: {{ question }}` },
      model,
    }),
  );
  return fanOutGraph(branches);
}

async function main(): Promise<void> {
  const workspaceId = await seedWorkspace();
  const flow = graph();
  const errors = validateFlow(flow, nodeRegistry).filter((i) => i.severity === "error");
  if (errors.length > 0) throw new Error(`Benchmark flow is invalid: ${errors[0]!.message}`);
  const compiled = compileFlow(flow, nodeRegistry);
  const input = { question: "How far is the moon?" };

  async function once(knobs: SimulatedKnobs): Promise<number> {
    const ports: EnginePorts = {
      ...idlePorts,
      llm: createLlmPort({ workspaceId, simulated: knobs }),
    };
    const started = performance.now();
    const result = await runFlow({
      runId: `bench-${started}`,
      graph: flow,
      registry: nodeRegistry,
      input,
      ports,
      compiled,
    });
    const ms = performance.now() - started;
    if (result.status !== "succeeded")
      throw new Error(`Run ${result.status}: ${result.error?.message}`);
    if (!Array.isArray(result.output) || result.output.length !== WIDTH)
      throw new Error("Merge lost answers");
    return ms;
  }

  progress("parallel model calls: warming up ...");
  for (let i = 0; i < 3; i++) await once(KNOBS);
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await once(KNOBS));
  const streamed = await once({ latencyMs: LATENCY_MS });
  const result = benchResult(
    `parallel-${WIDTH}x${LATENCY_MS}ms`,
    "ms",
    median(samples),
    null,
    "<=230",
  );
  report({
    result,
    detail:
      `median of ${ROUNDS} runs (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)} ms) ` +
      `of Input -> ${WIDTH} LLM nodes -> Merge -> Output through createLlmPort on PGlite, a fresh port per run, ` +
      `simulated knobs ${JSON.stringify(KNOBS)}; with the default 12 ms/word streaming pause one run took ${streamed.toFixed(0)} ms`,
  });
}

runChildMain(main, closeDatabase);
