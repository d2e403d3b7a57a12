/** A node's settled result, enough to resume a run without executing it again. */
export type SettledNode =
  { status: "succeeded"; outputs: Record<string, unknown> } | { status: "skipped" };

/** The serializable state a run resumes from, rebuilt from stored node results. */
export interface ResumeState {
  /** Nodes that finished (or were skipped); never executed again. */
  settled: Record<string, SettledNode>;
  /** For nodes interrupted mid-attempt: the attempt to run again (same idempotency key). */
  nextAttempt?: Record<string, number>;
  /** Decisions for suspended nodes (human review), by node id. */
  decisions?: Record<string, unknown>;
}

/** A stored attempt, as persistence keeps it. */
export interface StoredAttempt {
  nodeId: string;
  attempt: number;
  status: "running" | "succeeded" | "failed" | "skipped" | "waiting" | "cancelled";
  /** Emitted outputs (for failed attempts: what the on-error policy emitted, if anything). */
  outputs?: Record<string, unknown> | null;
  final?: boolean;
}

/** Rebuilds resume state from stored attempts: settled nodes stay settled, interrupted ones rerun. */
export function rebuildResumeState(
  attempts: readonly StoredAttempt[],
  decisions: Record<string, unknown> = {},
): ResumeState {
  const settled: Record<string, SettledNode> = {};
  const nextAttempt: Record<string, number> = {};
  for (const a of attempts) {
    if (a.status === "succeeded")
      settled[a.nodeId] = { status: "succeeded", outputs: a.outputs ?? {} };
    else if (a.status === "skipped") settled[a.nodeId] = { status: "skipped" };
    else if (a.status === "failed" && a.final && a.outputs)
      settled[a.nodeId] = { status: "succeeded", outputs: a.outputs };
    else if (a.status === "running")
      nextAttempt[a.nodeId] = Math.max(nextAttempt[a.nodeId] ?? 0, a.attempt);
    else if (a.status === "failed" || a.status === "waiting") {
      nextAttempt[a.nodeId] = Math.max(nextAttempt[a.nodeId] ?? 0, a.attempt + 1);
    }
  }
  for (const id of Object.keys(settled)) delete nextAttempt[id];
  return { settled, nextAttempt, decisions };
}
