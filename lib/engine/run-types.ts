import type { CompiledFlow } from "./compile";
import type { NodeContext } from "./context";
import type { ErrorInfo } from "./errors";
import type { EngineListener } from "./events";
import type { FlowGraph } from "./graph";
import type { NodeRegistry } from "./registry";
import type { ResumeState, SettledNode } from "./state";

/** The services nodes reach the world through (the per-call fields are filled by the engine). */
export type EnginePorts = Pick<NodeContext, "llm" | "http" | "secrets" | "prompts">;

/** Everything runFlow needs; clocks and randomness are injectable for tests. */
export interface RunFlowOptions {
  runId: string;
  graph: FlowGraph;
  registry: NodeRegistry;
  input: unknown;
  ports: EnginePorts;
  signal?: AbortSignal;
  /** Max nodes executing at once (default 16). */
  concurrency?: number;
  onEvent?: EngineListener;
  /**
   * Awaited for each step that succeeded, before the next node with side effects starts:
   * persistence makes the step durable here, so a crash never loses a completed node that later
   * side effects built on. Pure node types (capabilities.pure) neither wait nor need one (after a
   * crash they simply run again); steps no such node followed are made durable by the run's settle.
   */
  checkpoint?: (nodeId: string) => Promise<void>;
  resume?: ResumeState;
  /**
   * Results reused from an earlier run ("run from here"): settled before anything runs, reported
   * with `source: "reused"` and never executed. Resume state and pins take precedence.
   */
  reused?: Record<string, SettledNode>;
  /** A flow compiled earlier (benchmarks compile once outside the timed loop). */
  compiled?: CompiledFlow;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** How a run ended (or paused). */
export interface RunResult {
  status: "succeeded" | "failed" | "waiting" | "cancelled";
  output?: unknown;
  error?: ErrorInfo & { nodeId?: string };
  settled: Record<string, SettledNode>;
  waiting: { nodeId: string; payload: unknown }[];
}
