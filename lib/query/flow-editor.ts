"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { FlowGraph, FlowIssue } from "@/lib/engine";
import type { FlowDto, FlowWithIssuesDto } from "@/lib/schemas/flows";
import type { NodeAttemptDto, RunDto } from "@/lib/schemas/runs";
import { apiFetch } from "@/lib/query/api";

/** Query key of the editor's copy of one flow. */
export const flowEditorKey = (workspaceId: string, flowId: string) =>
  ["workspace", workspaceId, "flow-editor", flowId] as const;

/** GET /api/flows/:id. */
export function fetchFlow(flowId: string, signal?: AbortSignal): Promise<FlowWithIssuesDto> {
  return apiFetch<FlowWithIssuesDto>(`/api/flows/${encodeURIComponent(flowId)}`, { signal });
}

/** The draft as the page's server render loaded it, with a token that makes it usable once. */
export interface ServerFlow {
  data: FlowWithIssuesDto;
  token: string;
}

/** Tokens of server-rendered drafts this tab has opened already. */
const usedTokens = new Set<string>();

/**
 * The flow the editor opens; loaded once, the editor owns the draft afterwards. A server-rendered
 * copy is used instead of a fetch the first time its token is seen; a replay of the same render
 * (back or forward navigation) fetches, so the editor never opens an outdated draft.
 */
export function useEditorFlow(workspaceId: string, flowId: string, initial?: ServerFlow) {
  const [usable] = useState(() => initial !== undefined && !usedTokens.has(initial.token));
  useEffect(() => {
    if (initial) usedTokens.add(initial.token);
  }, [initial]);
  return useQuery({
    queryKey: flowEditorKey(workspaceId, flowId),
    queryFn: ({ signal }) => fetchFlow(flowId, signal),
    initialData: usable ? initial?.data : undefined,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnMount: usable ? false : "always",
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
  });
}

/** PATCH /api/flows/:id with the revision the draft was based on (409 `conflict` when stale). */
export function saveFlowGraph(
  flowId: string,
  graph: FlowGraph,
  revision: number,
): Promise<{ flow: FlowDto; issues?: FlowIssue[] }> {
  return apiFetch(`/api/flows/${encodeURIComponent(flowId)}`, {
    method: "PATCH",
    json: { graph, revision },
  });
}

/** The stored revision a 409 reports, if any. */
export function conflictRevision(details: unknown): number | null {
  const value = (details as { currentRevision?: unknown } | null)?.currentRevision;
  return typeof value === "number" ? value : null;
}

/** What the editor asks POST /api/flows/:id/runs for: the draft, a version, or a rerun from a node. */
export interface EditorRunRequest {
  input?: unknown;
  versionId?: string;
  /** Reruns the draft from this node of an earlier run, reusing the results upstream of it. */
  from?: { runId: string; nodeId: string };
}

/** POST /api/flows/:id/runs without waiting: answers with the queued run, followed over SSE. */
export function startEditorRun(
  flowId: string,
  request: EditorRunRequest,
): Promise<{ run: RunDto }> {
  return apiFetch(`/api/flows/${encodeURIComponent(flowId)}/runs`, {
    method: "POST",
    json: { ...request, waitMs: 0 },
  });
}

/** GET /api/runs/:id: the run and every node attempt. */
export function fetchRun(runId: string): Promise<{ run: RunDto; nodes: NodeAttemptDto[] }> {
  return apiFetch(`/api/runs/${encodeURIComponent(runId)}`);
}
