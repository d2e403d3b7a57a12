"use client";

import { CircleAlert, CircleCheck, TriangleAlert } from "lucide-react";
import type { FlowGraph, FlowIssue } from "@/lib/engine";

/** The node an issue points at: its own node, or the target of its edge. */
export function issueNodeId(issue: FlowIssue, graph: FlowGraph): string | undefined {
  if (issue.nodeId) return issue.nodeId;
  if (issue.edgeId) return graph.edges.find((e) => e.id === issue.edgeId)?.target;
  // Schema issues name the node by index ("nodes.3.policy.retries: ...").
  const index = /^nodes\.(\d+)\./.exec(issue.message)?.[1];
  return index !== undefined ? graph.nodes[Number(index)]?.id : undefined;
}

/** Every validation issue of the draft; a click selects and centres the node. */
export function ProblemsPanel({
  issues,
  graph,
  onFocusNode,
}: {
  issues: FlowIssue[];
  graph: FlowGraph;
  onFocusNode: (nodeId: string) => void;
}) {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const labelOf = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    return node ? node.label || node.type : id;
  };
  return (
    <section
      aria-labelledby="problems-heading"
      className="flex max-h-44 min-h-0 flex-col border-t bg-background"
      data-testid="problems-panel"
    >
      <div className="flex items-center gap-3 border-b px-3 py-1.5">
        <h2 id="problems-heading" className="text-sm font-semibold">
          Problems
        </h2>
        <span
          className="text-xs text-muted-foreground"
          aria-live="polite"
          data-testid="problem-count"
        >
          {errors} {errors === 1 ? "error" : "errors"}, {warnings}{" "}
          {warnings === 1 ? "warning" : "warnings"}
        </span>
      </div>
      {issues.length === 0 ? (
        <p className="flex items-center gap-2 px-3 py-2 text-sm text-muted-foreground">
          <CircleCheck className="size-4 text-success" aria-hidden />
          No problems found.
        </p>
      ) : (
        <ul className="min-h-0 overflow-y-auto py-1 text-sm">
          {issues.map((issue, index) => {
            const nodeId = issueNodeId(issue, graph);
            const Icon = issue.severity === "error" ? CircleAlert : TriangleAlert;
            const content = (
              <>
                <Icon
                  className={`size-4 shrink-0 ${issue.severity === "error" ? "text-danger" : "text-warning"}`}
                  aria-hidden
                />
                <span className="sr-only">{issue.severity}: </span>
                {nodeId && <span className="font-medium">{labelOf(nodeId)}:</span>}
                <span className="min-w-0 truncate">
                  {issue.message.replace(/^nodes\.\d+\./, "")}
                </span>
              </>
            );
            return (
              <li key={`${issue.code}-${issue.nodeId ?? issue.edgeId ?? ""}-${index}`}>
                {nodeId ? (
                  <button
                    type="button"
                    data-testid="problem"
                    data-code={issue.code}
                    data-node-id={nodeId}
                    onClick={() => onFocusNode(nodeId)}
                    className="flex w-full items-center gap-2 px-3 py-1 text-left hover:bg-accent"
                  >
                    {content}
                  </button>
                ) : (
                  <div
                    data-testid="problem"
                    data-code={issue.code}
                    className="flex items-center gap-2 px-3 py-1"
                  >
                    {content}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
