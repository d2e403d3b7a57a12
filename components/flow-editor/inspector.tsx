"use client";

import { cn } from "@/components/ui/cn";
import type { FlowGraph, FlowIssue, FlowNode } from "@/lib/engine";
import type { NodeAttemptDto } from "@/lib/schemas/runs";
import { ConfigPanel } from "./config-panel";
import { NodeRunDetails, RunPanel } from "./run-panel";
import type { ModelOption } from "./schema-form";

/** Which inspector tab is open. */
export type InspectorTab = "node" | "run";

const TABS = [
  ["node", "Node"],
  ["run", "Run"],
] as const;

/** The right-hand inspector: the selected node's settings, or the run panel. */
export function Inspector({
  tab,
  onTab,
  flowId,
  graph,
  selectedNode,
  selectedCount,
  issuesByNode,
  models,
  variables,
  canEdit,
  canRun,
  runAttempts,
  onNodeChange,
  onDelete,
  onDuplicate,
  beforeRun,
  onRunResult,
}: {
  tab: InspectorTab;
  onTab: (tab: InspectorTab) => void;
  flowId: string;
  graph: FlowGraph;
  selectedNode: FlowNode | undefined;
  selectedCount: number;
  issuesByNode: Map<string, FlowIssue[]>;
  models: ModelOption[];
  variables: string[];
  canEdit: boolean;
  canRun: boolean;
  runAttempts: NodeAttemptDto[];
  onNodeChange: (
    nodeId: string,
  ) => (update: (node: FlowNode) => FlowNode, coalesceKey: string) => void;
  onDelete: () => void;
  onDuplicate: () => void;
  beforeRun: () => Promise<boolean>;
  onRunResult: (attempts: NodeAttemptDto[]) => void;
}) {
  return (
    <section
      aria-labelledby="inspector-heading"
      className="hidden w-72 shrink-0 flex-col border-l md:flex xl:w-80"
    >
      <h2 id="inspector-heading" className="sr-only">
        Inspector
      </h2>
      <div role="tablist" aria-label="Inspector" className="flex border-b">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            onClick={() => onTab(id)}
            className={cn(
              "flex-1 border-b-2 px-3 py-2 text-sm font-medium",
              tab === id
                ? "border-primary text-foreground"
                : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="min-h-0 flex-1 overflow-y-auto p-4"
      >
        {tab === "node" ? (
          selectedNode ? (
            <fieldset disabled={!canEdit} className="min-w-0">
              <ConfigPanel
                key={selectedNode.id}
                node={selectedNode}
                issues={issuesByNode.get(selectedNode.id) ?? []}
                models={models}
                variables={variables}
                onChange={onNodeChange(selectedNode.id)}
                onDelete={onDelete}
                onDuplicate={onDuplicate}
              />
              <NodeRunDetails attempts={runAttempts.filter((a) => a.nodeId === selectedNode.id)} />
            </fieldset>
          ) : (
            <p className="text-sm text-muted-foreground">
              {selectedCount > 1
                ? `${selectedCount} nodes selected. Delete or duplicate them with the keyboard.`
                : "Select a node to configure it, or add one from the palette."}
            </p>
          )
        ) : (
          <RunPanel
            flowId={flowId}
            graph={graph}
            canRun={canRun}
            beforeRun={beforeRun}
            onResult={onRunResult}
          />
        )}
      </div>
    </section>
  );
}
