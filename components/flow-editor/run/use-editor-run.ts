"use client";

import { useCallback, useMemo, useState } from "react";
import type { FlowGraph } from "@/lib/engine";
import { ApiClientError, errorMessage, type ApiFieldIssue } from "@/lib/query/api";
import { startEditorRun, type EditorRunRequest } from "@/lib/query/flow-editor";
import type { NodeRunBadge } from "../flow-node";
import { useRunStream } from "./use-run-stream";

/** Why a run did not start: the message plus the input's or the flow's issues, when sent. */
export interface RunProblem {
  message: string;
  inputIssues: ApiFieldIssue[];
  flowIssues: { nodeId?: string; message: string }[];
}

function toProblem(error: unknown): RunProblem {
  if (!(error instanceof ApiClientError) || error.code !== "validation_failed")
    return { message: errorMessage(error), inputIssues: [], flowIssues: [] };
  const flowIssues = (error.details as { flowIssues?: unknown } | null)?.flowIssues;
  return {
    message: error.message,
    inputIssues: error.issues,
    flowIssues: Array.isArray(flowIssues)
      ? flowIssues.filter((i): i is { message: string } => typeof i?.message === "string")
      : [],
  };
}

/**
 * The editor's runs: starts one (draft, version or from a node of the last run), follows it
 * live and exposes the canvas badges. Draft runs save pending edits first.
 */
export function useEditorRun({
  flowId,
  graph,
  beforeRun,
}: {
  flowId: string;
  graph: FlowGraph;
  /** Saves pending edits; false when the draft could not be saved. */
  beforeRun: () => Promise<boolean>;
}) {
  const stream = useRunStream();
  const { follow } = stream;
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<RunProblem | null>(null);
  const nodeIds = useMemo(() => graph.nodes.map((n) => n.id), [graph.nodes]);

  const start = useCallback(
    async (request: EditorRunRequest): Promise<string | null> => {
      setStarting(true);
      setProblem(null);
      try {
        if (!request.versionId && !(await beforeRun())) {
          setProblem({
            message: "Save the draft before running it.",
            inputIssues: [],
            flowIssues: [],
          });
          return null;
        }
        const { run } = await startEditorRun(flowId, request);
        follow(run.id, nodeIds);
        return run.id;
      } catch (cause) {
        setProblem(toProblem(cause));
        return null;
      } finally {
        setStarting(false);
      }
    },
    [beforeRun, flowId, nodeIds, follow],
  );

  const live = stream.live;
  // Keyed on what the canvas shows, so streamed tokens do not redraw the canvas.
  const badgeList = Object.entries(live?.nodes ?? {}).map(([id, node]): [string, NodeRunBadge] => [
    id,
    {
      status: node.status,
      source: node.source === "executed" ? undefined : node.source,
      attempt: node.attempt,
      latencyMs: node.latencyMs,
      costUsd: node.costUsd,
      tokens: node.tokens,
    },
  ]);
  const badgeKey = JSON.stringify(badgeList);
  const badges = useMemo(
    () => new Map(JSON.parse(badgeKey) as [string, NodeRunBadge][]),
    [badgeKey],
  );

  const running = live !== null && !live.persisted;
  return {
    live,
    detail: stream.detail,
    streamError: stream.streamError,
    starting,
    running,
    busy: starting || running,
    problem,
    start,
    badges,
  };
}

/** What the run panel, chat pane and node details get from the editor's run. */
export type EditorRun = ReturnType<typeof useEditorRun>;
