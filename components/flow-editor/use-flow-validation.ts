"use client";

import { useEffect, useMemo, useState } from "react";
import { validateFlow, type FlowGraph, type FlowIssue } from "@/lib/engine";
import { nodeRegistry } from "@/lib/nodes";
import { issueNodeId } from "./problems-panel";

const VALIDATE_DELAY_MS = 200;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The engine's validateFlow over the graph, debounced, with the issues grouped by node. */
export function useFlowValidation(graph: FlowGraph) {
  const validated = useDebounced(graph, VALIDATE_DELAY_MS);
  const issues = useMemo(() => validateFlow(validated, nodeRegistry), [validated]);
  const issuesByNode = useMemo(() => {
    const map = new Map<string, FlowIssue[]>();
    for (const issue of issues) {
      const id = issueNodeId(issue, validated);
      if (id) map.set(id, [...(map.get(id) ?? []), issue]);
    }
    return map;
  }, [issues, validated]);
  return { validated, issues, issuesByNode };
}
