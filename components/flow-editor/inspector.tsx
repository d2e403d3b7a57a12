"use client";

import { TabList } from "@/components/ui/tab-list";
import type { FlowGraph, FlowIssue, FlowNode } from "@/lib/engine";
import { ConfigPanel } from "./config-panel";
import { RunPanel } from "./run-panel";
import { NodeRunDetails } from "./run/node-run-details";
import { PinEditor, withPin } from "./run/pin-editor";
import type { EditorRun } from "./run/use-editor-run";
import type { ModelOption } from "./schema-form";

/** Which inspector tab is open. */
export type InspectorTab = "node" | "run";

const TABS = [
  ["node", "Node"],
  ["run", "Run"],
] as const;

/** The right-hand inspector: the selected node's settings and last run, or the run panel. */
export function Inspector({
  tab,
  onTab,
  workspaceId,
  flowId,
  graph,
  selectedNode,
  selectedCount,
  issuesByNode,
  models,
  variables,
  canEdit,
  canRun,
  run,
  onNodeChange,
  onDelete,
  onDuplicate,
}: {
  tab: InspectorTab;
  onTab: (tab: InspectorTab) => void;
  workspaceId: string;
  flowId: string;
  graph: FlowGraph;
  selectedNode: FlowNode | undefined;
  selectedCount: number;
  issuesByNode: Map<string, FlowIssue[]>;
  models: ModelOption[];
  variables: string[];
  canEdit: boolean;
  canRun: boolean;
  run: EditorRun;
  onNodeChange: (
    nodeId: string,
  ) => (update: (node: FlowNode) => FlowNode, coalesceKey: string) => void;
  onDelete: () => void;
  onDuplicate: () => void;
}) {
  return (
    <section
      aria-labelledby="inspector-heading"
      className="hidden w-72 shrink-0 flex-col border-l md:flex xl:w-80"
    >
      <h2 id="inspector-heading" className="sr-only">
        Inspector
      </h2>
      <TabList
        label="Inspector"
        idPrefix="inspector"
        tabs={TABS}
        value={tab}
        onChange={onTab}
        tabClassName="flex-1 px-3 py-2"
      />
      <div
        role="tabpanel"
        id="inspector-panel-node"
        aria-labelledby="inspector-tab-node"
        hidden={tab !== "node"}
        className="min-h-0 flex-1 overflow-y-auto p-4"
      >
        {selectedNode ? (
          <>
            <NodeRunDetails
              nodeId={selectedNode.id}
              run={run}
              canRun={canRun}
              canEdit={canEdit}
              pinned={selectedNode.pin !== undefined}
              onPin={(outputs) =>
                onNodeChange(selectedNode.id)((node) => withPin(node, outputs), "pin")
              }
            />
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
              <PinEditor node={selectedNode} onChange={onNodeChange(selectedNode.id)} />
            </fieldset>
          </>
        ) : (
          <p className="text-sm text-muted-foreground">
            {selectedCount > 1
              ? `${selectedCount} nodes selected. Delete or duplicate them with the keyboard.`
              : "Select a node to configure it, or add one from the palette."}
          </p>
        )}
      </div>
      {/* Kept mounted while hidden, so the run input and the conversation survive tab switches. */}
      <div
        role="tabpanel"
        id="inspector-panel-run"
        aria-labelledby="inspector-tab-run"
        hidden={tab !== "run"}
        className="min-h-0 flex-1 overflow-y-auto p-4"
      >
        <RunPanel
          workspaceId={workspaceId}
          flowId={flowId}
          graph={graph}
          canRun={canRun}
          run={run}
        />
      </div>
    </section>
  );
}
