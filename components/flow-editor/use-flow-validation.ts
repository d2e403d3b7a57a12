"use client";

import { useMemo } from "react";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { validateFlow, type FlowGraph, type FlowIssue } from "@/lib/engine";
import { nodeRegistry } from "@/lib/nodes";
import { issueNodeId } from "./problems-panel";

const VALIDATE_DELAY_MS = 200;

/** The engine's validateFlow over the graph, debounced, with the issues grouped by node. */
export function useFlowValidation(graph: FlowGraph) {
  const validated = useDebouncedValue(graph, VALIDATE_DELAY_MS);
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
