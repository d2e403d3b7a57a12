"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "@/lib/query/api";
import { fetchRun } from "@/lib/query/flow-editor";
import type { RunDetailDto } from "@/lib/query/runs";
import { applyRunEvent, startedRun, storedNodes, type LiveRun } from "./live-run";

/** Every event name the run stream sends (SSE `event:` field). */
const EVENT_NAMES = [
  "run.started",
  "node.started",
  "node.token",
  "node.retrying",
  "node.succeeded",
  "node.failed",
  "node.skipped",
  "node.waiting",
  "run.waiting",
  "run.succeeded",
  "run.failed",
  "run.cancelled",
  "run.persisted",
] as const;

const BATCH_MS = 50;

/** The run being followed and, once it has settled, its stored detail. */
export interface RunStreamState {
  live: LiveRun | null;
  detail: RunDetailDto | null;
  /** Why live updates stopped early, if they did. */
  streamError: string | null;
}

/**
 * Follows one run at a time over SSE (GET /api/runs/:id/events; EventSource resumes with
 * Last-Event-ID after a drop), then loads GET /api/runs/:id once for the full attempts.
 */
export function useRunStream() {
  const [state, setState] = useState<RunStreamState>({
    live: null,
    detail: null,
    streamError: null,
  });
  const source = useRef<EventSource | null>(null);
  const current = useRef<string | null>(null);
  const ids = useRef<string[]>([]);

  const loadDetail = useCallback(async (runId: string, streamError: string | null) => {
    try {
      const detail = await fetchRun(runId);
      if (current.current !== runId) return;
      setState((s) => {
        const stored = storedNodes(detail.run, detail.nodes, ids.current);
        const nodes = Object.fromEntries(
          Object.entries(stored).map(([id, node]) => {
            const seen = s.live?.nodes[id];
            return [id, { ...node, inputs: seen?.inputs, text: seen?.text ?? "" }];
          }),
        );
        const live: LiveRun = {
          runId,
          status: detail.run.status,
          nodes,
          output: detail.run.output,
          error: detail.run.error,
          persisted: true,
        };
        return { live, detail, streamError };
      });
    } catch (cause) {
      if (current.current === runId)
        setState((s) => ({ ...s, streamError: streamError ?? errorMessage(cause) }));
    }
  }, []);

  const follow = useCallback(
    (runId: string, nodeIds: string[]) => {
      source.current?.close();
      current.current = runId;
      ids.current = nodeIds;
      setState({ live: startedRun(runId, nodeIds), detail: null, streamError: null });
      const events = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
      source.current = events;
      // Tokens arrive every few milliseconds: events are applied in batches, one render each.
      let queue: [string, unknown][] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        clearTimeout(timer);
        timer = undefined;
        const batch = queue;
        queue = [];
        setState((s) =>
          s.live?.runId === runId
            ? {
                ...s,
                live: batch.reduce((live, [name, data]) => applyRunEvent(live, name, data), s.live),
              }
            : s,
        );
      };
      for (const name of EVENT_NAMES) {
        events.addEventListener(name, (message) => {
          queue.push([name, JSON.parse((message as MessageEvent<string>).data)]);
          if (name === "run.persisted") {
            events.close();
            flush();
            void loadDetail(runId, null);
          } else {
            timer ??= setTimeout(flush, BATCH_MS);
          }
        });
      }
      events.onerror = () => {
        // CONNECTING means the browser is reconnecting on its own; CLOSED means it gave up.
        if (events.readyState !== EventSource.CLOSED) return;
        void loadDetail(runId, "Live updates stopped; showing the run as it was last stored.");
      };
    },
    [loadDetail],
  );

  useEffect(() => () => source.current?.close(), []);

  return { ...state, follow };
}
