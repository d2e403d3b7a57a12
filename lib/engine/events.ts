import type { NodeTrace } from "./define-node";
import type { ErrorInfo } from "./errors";

/** Why a node settled without executing: its pinned outputs, or its result in an earlier run. */
export type PresetSource = "pinned" | "reused";

/** Typed engine events; persistence, live views and streams subscribe to them. */
export type EngineEvent =
  | { type: "run.started"; runId: string }
  | { type: "node.started"; nodeId: string; attempt: number; inputs: Record<string, unknown> }
  | { type: "node.token"; nodeId: string; attempt: number; token: string }
  | { type: "node.retrying"; nodeId: string; attempt: number; delayMs: number; error: ErrorInfo }
  | {
      type: "node.succeeded";
      nodeId: string;
      attempt: number;
      outputs: Record<string, unknown>;
      trace?: NodeTrace;
      latencyMs: number;
      /** Set when the node was not executed (its outputs were pinned or reused). */
      source?: PresetSource;
    }
  | {
      type: "node.failed";
      nodeId: string;
      attempt: number;
      error: ErrorInfo;
      trace?: NodeTrace;
      latencyMs: number;
      /** Last attempt; `handledOutputs` is set when the policy continued or routed to the error port. */
      final: boolean;
      handledOutputs?: Record<string, unknown>;
    }
  | { type: "node.skipped"; nodeId: string; source?: "reused" }
  | { type: "node.waiting"; nodeId: string; attempt: number; payload: unknown; trace?: NodeTrace }
  | { type: "run.waiting"; nodeIds: string[] }
  | { type: "run.succeeded"; output: unknown }
  | { type: "run.failed"; error: ErrorInfo; nodeId?: string }
  | { type: "run.cancelled" };

/** Receives engine events; must not throw. */
export type EngineListener = (event: EngineEvent) => void;
