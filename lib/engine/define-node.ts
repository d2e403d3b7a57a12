import type { z } from "zod";
import type { NodeContext, TokenUsage } from "./context";
import type { NodePorts } from "./ports";

/** What the engine needs to know about a node type, instead of testing its name. */
export interface NodeCapabilities {
  /** Emits on some output ports only; edges from the others are skipped. */
  branches?: boolean;
  /** May suspend the run for a human decision. */
  suspends?: boolean;
  /** Runs on whatever arrived even when some inputs were skipped (Merge). */
  acceptsSkipped?: boolean;
  /** The flow's entry: receives the run input. */
  entry?: boolean;
  /** The flow's exit: its input becomes the run output. */
  exit?: boolean;
  /**
   * Deterministic, instant and without side effects: after a crash it can simply run again, so
   * it neither waits for earlier steps to be durable before it starts nor needs its own to be.
   */
  pure?: boolean;
}

/** Plain data the editor shows; keeps the node file importable in the browser. */
export interface NodeUi {
  label: string;
  category: "io" | "model" | "logic" | "guardrail" | "human" | "tool" | "data";
  icon: string;
  description: string;
}

/** Recorded details of an attempt (prompt, model, usage, cost), for traces and cost. */
export interface NodeTrace {
  renderedPrompt?: string;
  promptVersionId?: string;
  provider?: string;
  model?: string;
  tier?: string;
  usage?: TokenUsage;
  costUsd?: number;
  costSavedUsd?: number;
  cacheHit?: boolean;
}

/** A node's result: values on the ports it emits, or a suspension awaiting a decision. */
export type NodeResult =
  | { outputs: Record<string, unknown>; trace?: NodeTrace }
  | { suspend: { payload: unknown }; trace?: NodeTrace };

/** The input of one execution. */
export interface NodeExecution<C> {
  config: C;
  inputs: Record<string, unknown>;
  node: { id: string; label: string };
}

/** A node type: one self-describing file each. */
export interface NodeDefinition<C = unknown> {
  type: string;
  version: number;
  ui: NodeUi;
  config: z.ZodType<C>;
  ports: NodePorts | ((config: C) => NodePorts);
  capabilities?: NodeCapabilities;
  execute(execution: NodeExecution<C>, ctx: NodeContext): Promise<NodeResult>;
}

/** Any node type, for heterogeneous lists such as the registry's input. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry pins its own config type
export type AnyNodeDefinition = NodeDefinition<any>;

/** Declares a node type (an identity function that pins the config type). */
export function defineNode<C>(definition: NodeDefinition<C>): NodeDefinition<C> {
  return definition;
}

/** The ports of a node instance for its (already parsed) config. */
export function portsOf<C>(definition: NodeDefinition<C>, config: C): NodePorts {
  return typeof definition.ports === "function" ? definition.ports(config) : definition.ports;
}
