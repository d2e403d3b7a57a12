import type { NodeAttemptDto, RunDto } from "@/lib/schemas/runs";

/** Where a node's result came from in a run. */
export type NodeSource = NodeAttemptDto["source"];

/** A node's state in the run the editor follows. */
export interface LiveNode {
  status: "queued" | "running" | "succeeded" | "failed" | "skipped" | "waiting";
  attempt: number;
  source?: NodeSource;
  inputs?: Record<string, unknown>;
  outputs?: unknown;
  error?: unknown;
  renderedPrompt?: string;
  model?: string;
  latencyMs: number | null;
  tokens: number;
  costUsd: number;
  /** Tokens streamed by the current attempt so far. */
  text: string;
}

/** The run the editor follows, built from its SSE events. */
export interface LiveRun {
  runId: string;
  status: string;
  nodes: Record<string, LiveNode>;
  output?: unknown;
  error?: unknown;
  /** True once `run.persisted` arrived: the stream has ended and the run is stored. */
  persisted: boolean;
}

interface TraceData {
  renderedPrompt?: string;
  model?: string;
  usage?: { inputTokens?: number; outputTokens?: number };
  costUsd?: number;
}

interface NodeEventData {
  nodeId?: string;
  attempt?: number;
  inputs?: Record<string, unknown>;
  token?: string;
  outputs?: unknown;
  handledOutputs?: unknown;
  payload?: unknown;
  error?: unknown;
  trace?: TraceData;
  latencyMs?: number;
  final?: boolean;
  source?: NodeSource;
  nodeIds?: string[];
  output?: unknown;
  status?: string;
}

const emptyNode = (): LiveNode => ({
  status: "queued",
  attempt: 0,
  latencyMs: null,
  tokens: 0,
  costUsd: 0,
  text: "",
});

/** A run that has just started: every node of the graph queued. */
export function startedRun(runId: string, nodeIds: string[]): LiveRun {
  return {
    runId,
    status: "queued",
    nodes: Object.fromEntries(nodeIds.map((id) => [id, emptyNode()])),
    persisted: false,
  };
}

function traced(node: LiveNode, trace: TraceData | undefined): LiveNode {
  if (!trace) return node;
  return {
    ...node,
    renderedPrompt: trace.renderedPrompt ?? node.renderedPrompt,
    model: trace.model ?? node.model,
    tokens: (trace.usage?.inputTokens ?? 0) + (trace.usage?.outputTokens ?? 0),
    costUsd: trace.costUsd ?? 0,
  };
}

function nodeUpdate(node: LiveNode, type: string, data: NodeEventData): LiveNode {
  switch (type) {
    case "node.started":
      return {
        ...emptyNode(),
        status: "running",
        attempt: data.attempt ?? node.attempt + 1,
        inputs: data.inputs,
      };
    case "node.token":
      return { ...node, status: "running", text: node.text + (data.token ?? "") };
    case "node.succeeded":
      return traced(
        {
          ...node,
          status: "succeeded",
          outputs: data.outputs,
          latencyMs: data.latencyMs ?? null,
          source: data.source ?? node.source,
        },
        data.trace,
      );
    case "node.failed":
      return traced(
        {
          ...node,
          status: data.final === false ? "running" : "failed",
          error: data.error,
          outputs: data.handledOutputs,
          latencyMs: data.latencyMs ?? null,
        },
        data.trace,
      );
    case "node.skipped":
      return { ...node, status: "skipped", source: data.source ?? node.source };
    case "node.waiting":
      return traced({ ...node, status: "waiting", outputs: data.payload }, data.trace);
    default:
      return node;
  }
}

/** The run after one SSE event (`type` is the SSE event name, `data` its parsed payload). */
export function applyRunEvent(run: LiveRun, type: string, payload: unknown): LiveRun {
  const data = (payload ?? {}) as NodeEventData;
  if (type.startsWith("node.") && data.nodeId) {
    const node = run.nodes[data.nodeId] ?? emptyNode();
    return {
      ...run,
      status: "running",
      nodes: { ...run.nodes, [data.nodeId]: nodeUpdate(node, type, data) },
    };
  }
  switch (type) {
    case "run.started":
      return { ...run, status: "running" };
    case "run.waiting":
      return { ...run, status: "waiting" };
    case "run.succeeded":
      return { ...run, status: "succeeded", output: data.output };
    case "run.failed":
      return { ...run, status: "failed", error: data.error };
    case "run.cancelled":
      return { ...run, status: "cancelled" };
    case "run.persisted":
      return { ...run, status: data.status ?? run.status, persisted: true };
    default:
      return run;
  }
}

/** The attempt that decided each node: the final one, else the latest. */
export function decidingAttempts(attempts: NodeAttemptDto[]): Map<string, NodeAttemptDto> {
  const latest = new Map<string, NodeAttemptDto>();
  for (const attempt of attempts) {
    const seen = latest.get(attempt.nodeId);
    if (!seen || attempt.final || (!seen.final && attempt.attempt > seen.attempt))
      latest.set(attempt.nodeId, attempt);
  }
  return latest;
}

/** The node states of a stored run (GET /api/runs/:id), for nodes of the graph. */
export function storedNodes(
  run: RunDto,
  attempts: NodeAttemptDto[],
  nodeIds: string[],
): Record<string, LiveNode> {
  const deciding = decidingAttempts(attempts);
  const nodes: Record<string, LiveNode> = {};
  for (const id of nodeIds) {
    const attempt = deciding.get(id);
    if (!attempt) {
      // Nodes a paused run has not reached yet run after the review.
      if (run.status === "waiting") nodes[id] = emptyNode();
      continue;
    }
    nodes[id] = {
      status: attempt.status as LiveNode["status"],
      attempt: attempt.attempt,
      source: attempt.source,
      outputs: attempt.output,
      error: attempt.error ?? undefined,
      renderedPrompt: attempt.renderedPrompt ?? undefined,
      model: attempt.model ?? undefined,
      latencyMs: attempt.latencyMs,
      tokens: attempt.tokensIn + attempt.tokensOut,
      costUsd: Number(attempt.costUsd),
      text: "",
    };
  }
  return nodes;
}
