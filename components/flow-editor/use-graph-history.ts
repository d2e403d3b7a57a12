"use client";

import { useCallback, useMemo, useReducer } from "react";
import type { FlowGraph } from "@/lib/engine";

const LIMIT = 100;
const COALESCE_MS = 1_000;

interface HistoryState {
  past: FlowGraph[];
  present: FlowGraph;
  future: FlowGraph[];
  /** Edits with the same key in quick succession (typing in one field) form one undo step. */
  lastKey: string | null;
  lastAt: number;
  /** The graph before a transient change (a drag) started; recorded when it ends. */
  pending: FlowGraph | null;
}

/** How a change enters the history. */
export interface ChangeOptions {
  /** "record" (default): one undo step; "transient": not yet (drag in progress); "reset": clear history. */
  mode?: "record" | "transient" | "reset";
  /** Coalesces quick successive changes with the same key into one step. */
  coalesceKey?: string;
}

type Action =
  | {
      type: "change";
      update: (graph: FlowGraph) => FlowGraph;
      options: ChangeOptions;
      now: number;
    }
  | { type: "commit" }
  | { type: "undo" }
  | { type: "redo" };

function push(past: FlowGraph[], graph: FlowGraph): FlowGraph[] {
  const next = [...past, graph];
  return next.length > LIMIT ? next.slice(next.length - LIMIT) : next;
}

function reducer(state: HistoryState, action: Action): HistoryState {
  switch (action.type) {
    case "change": {
      const next = action.update(state.present);
      if (next === state.present) return state;
      const mode = action.options.mode ?? "record";
      if (mode === "reset")
        return { past: [], present: next, future: [], lastKey: null, lastAt: 0, pending: null };
      if (mode === "transient")
        return { ...state, present: next, pending: state.pending ?? state.present };
      const key = action.options.coalesceKey ?? null;
      const coalesce =
        key !== null && key === state.lastKey && action.now - state.lastAt < COALESCE_MS;
      return {
        past: coalesce ? state.past : push(state.past, state.pending ?? state.present),
        present: next,
        future: [],
        lastKey: key,
        lastAt: action.now,
        pending: null,
      };
    }
    case "commit":
      if (!state.pending) return state;
      return {
        ...state,
        past: push(state.past, state.pending),
        future: [],
        pending: null,
        lastKey: null,
      };
    case "undo": {
      const base = state.pending ?? state.present;
      const previous = state.past.at(-1);
      if (!previous) return state.pending ? { ...state, present: base, pending: null } : state;
      return {
        past: state.past.slice(0, -1),
        present: previous,
        future: [base, ...state.future],
        lastKey: null,
        lastAt: 0,
        pending: null,
      };
    }
    case "redo": {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return {
        past: push(state.past, state.present),
        present: next,
        future: rest,
        lastKey: null,
        lastAt: 0,
        pending: null,
      };
    }
  }
}

/** A graph with undo/redo over snapshots. */
export function useGraphHistory(initial: FlowGraph) {
  const [state, dispatch] = useReducer(reducer, initial, (graph) => ({
    past: [],
    present: graph,
    future: [],
    lastKey: null,
    lastAt: 0,
    pending: null,
  }));
  const change = useCallback(
    (update: (graph: FlowGraph) => FlowGraph, options: ChangeOptions = {}) =>
      dispatch({ type: "change", update, options, now: Date.now() }),
    [],
  );
  const actions = useMemo(
    () => ({
      change,
      commit: () => dispatch({ type: "commit" }),
      undo: () => dispatch({ type: "undo" }),
      redo: () => dispatch({ type: "redo" }),
    }),
    [change],
  );
  return {
    graph: state.present,
    canUndo: state.past.length > 0 || state.pending !== null,
    canRedo: state.future.length > 0,
    ...actions,
  };
}
