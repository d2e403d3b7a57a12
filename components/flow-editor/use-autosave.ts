"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flowGraphSchema, type FlowGraph } from "@/lib/engine";
import { ApiClientError, errorMessage } from "@/lib/query/api";
import { conflictRevision, fetchFlow, saveFlowGraph } from "@/lib/query/flow-editor";
import { useLeaveWarning } from "@/components/ui/use-leave-warning";

/** Debounce between the last edit and the save. */
export const AUTOSAVE_DELAY_MS = 800;

/** What the save indicator shows. */
export type SaveStatus = "saved" | "unsaved" | "invalid" | "saving" | "error" | "conflict";

/**
 * Saves the draft (debounced) with the revision it was based on. A 409 stops saving and keeps
 * the local graph until the user reloads theirs or overwrites with theirs.
 */
export function useAutosave({
  flowId,
  graph,
  initialRevision,
  initialGraph,
  onReplace,
}: {
  flowId: string;
  graph: FlowGraph;
  initialRevision: number;
  initialGraph: FlowGraph;
  /** Replaces the local graph (Reload theirs). */
  onReplace: (graph: FlowGraph) => void;
}) {
  const json = useMemo(() => JSON.stringify(graph), [graph]);
  // The server refuses a graph that breaks the schema (e.g. a policy value out of range).
  const valid = useMemo(() => flowGraphSchema.safeParse(graph).success, [graph]);
  const [saved, setSaved] = useState(() => ({
    json: JSON.stringify(initialGraph),
    revision: initialRevision,
  }));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ currentRevision: number | null } | null>(null);
  const revision = useRef(initialRevision);
  const latest = useRef(graph);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const queued = useRef(false);

  /**
   * Saves the latest graph, then again while edits arrived during the request. A call during a
   * save joins it. Resolves true when the latest graph is stored.
   */
  const save = useCallback((): Promise<boolean> => {
    if (inFlight.current) {
      queued.current = true;
      return inFlight.current;
    }
    const run = (async () => {
      setSaving(true);
      let ok = false;
      for (let again = true; again;) {
        queued.current = false;
        const graphToSave = latest.current;
        const body = JSON.stringify(graphToSave);
        try {
          const result = await saveFlowGraph(flowId, graphToSave, revision.current);
          revision.current = result.flow.revision;
          setSaved({ json: body, revision: result.flow.revision });
          setError(null);
          ok = true;
        } catch (cause) {
          ok = false;
          queued.current = false;
          if (cause instanceof ApiClientError && cause.status === 409)
            setConflict({ currentRevision: conflictRevision(cause.details) });
          else setError(errorMessage(cause));
        }
        again = queued.current;
      }
      inFlight.current = null;
      setSaving(false);
      return ok;
    })();
    inFlight.current = run;
    return run;
  }, [flowId]);

  useEffect(() => {
    latest.current = graph;
  }, [graph]);

  useEffect(() => {
    if (json === saved.json || conflict || !valid) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [json, saved.json, conflict, valid, save]);

  const dirty = json !== saved.json;
  // Leaving the editor inside the app (e.g. the back link) saves what the debounce still holds.
  const pendingOnLeave = useRef(false);
  useEffect(() => {
    pendingOnLeave.current = dirty && valid && !conflict;
  }, [dirty, valid, conflict]);
  useEffect(
    () => () => {
      if (pendingOnLeave.current && !inFlight.current)
        void saveFlowGraph(flowId, latest.current, revision.current).catch(() => undefined);
    },
    [flowId],
  );
  useLeaveWarning(dirty);

  /** Takes a server copy of the draft as saved (the caller shows its graph): reload, restore. */
  const adopt = useCallback((serverGraph: FlowGraph, serverRevision: number) => {
    revision.current = serverRevision;
    latest.current = serverGraph;
    setSaved({ json: JSON.stringify(serverGraph), revision: serverRevision });
    setConflict(null);
    setError(null);
  }, []);

  const reloadTheirs = useCallback(async () => {
    try {
      const { flow } = await fetchFlow(flowId);
      adopt(flow.graph, flow.revision);
      onReplace(flow.graph);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }, [adopt, flowId, onReplace]);

  /** Stores pending edits now; resolves to the stored revision, or null when they cannot be. */
  const flush = useCallback(async (): Promise<number | null> => {
    if (conflict || (dirty && !valid)) return null;
    if (!dirty && !inFlight.current) return revision.current;
    return (await save()) ? revision.current : null;
  }, [conflict, dirty, valid, save]);

  const overwrite = useCallback(async () => {
    let current = conflict?.currentRevision ?? null;
    if (current === null) {
      try {
        current = (await fetchFlow(flowId)).flow.revision;
      } catch (cause) {
        setError(errorMessage(cause));
        return;
      }
    }
    revision.current = current;
    setConflict(null);
    await save();
  }, [conflict, flowId, save]);

  const status: SaveStatus = conflict
    ? "conflict"
    : saving
      ? "saving"
      : error
        ? "error"
        : dirty
          ? valid
            ? "unsaved"
            : "invalid"
          : "saved";
  return {
    status,
    error,
    conflict,
    revision: saved.revision,
    retry: save,
    flush,
    adopt,
    reloadTheirs,
    overwrite,
  };
}
