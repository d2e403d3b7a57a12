"use client";

import { BudgetBanner } from "@/components/budgets/budget-banner";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Edge,
  type NodeTypes,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useRef, useState } from "react";
import { useTheme } from "@/components/theme/use-theme";
import type { FlowGraph, FlowNode } from "@/lib/engine";
import type { FlowDto } from "@/lib/schemas/flows";
import { useCanvasElements } from "./canvas-elements";
import { capturePanePointer } from "./capture-pane-pointer";
import { ConflictBanner } from "./conflict-banner";
import { CostOverlay } from "./cost-overlay/cost-overlay";
import { ConnectMessage } from "./connect-message";
import { EditorTopBar } from "./editor-top-bar";
import { FlowNodeView, type CanvasNode } from "./flow-node";
import { duplicateNodes, NODE_WIDTH, removeElements, updateNode } from "./graph-ops";
import { Inspector, type InspectorTab } from "./inspector";
import { PaletteSection } from "./palette-section";
import { ProblemsPanel } from "./problems-panel";
import { QuickAddDialog } from "./quick-add";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useAddNode } from "./use-add-node";
import { useAutosave } from "./use-autosave";
import { useCanvasChanges } from "./use-canvas-changes";
import { useClipboard } from "./use-clipboard";
import { useEditorRun } from "./run/use-editor-run";
import { useConnectionRules } from "./use-connection-rules";
import { NO_SELECTION, useEditorSelection } from "./use-editor-selection";
import { useEditorShortcuts, type ShortcutActions } from "./use-editor-shortcuts";
import { useModelOptions, useTemplateVariables } from "./use-field-context";
import { useFlowValidation } from "./use-flow-validation";
import { useGraphHistory } from "./use-graph-history";
import { useInitialViewport } from "./use-initial-viewport";
import { useVersionActions } from "./versions/use-version-actions";

const NODE_TYPES: NodeTypes = { trellis: FlowNodeView };

/** The editor of a loaded flow: top bar, palette, canvas, problems and inspector. */
export function EditorCanvas({
  workspaceId,
  flow,
  canEdit,
  canRun,
}: {
  workspaceId: string;
  flow: FlowDto;
  canEdit: boolean;
  canRun: boolean;
}) {
  const history = useGraphHistory(flow.graph);
  const { graph, change } = history;
  const { selection, setSelection, select } = useEditorSelection(graph);
  const [measured, setMeasured] = useState<Map<string, { width: number; height: number }>>(
    () => new Map(),
  );
  const [tab, setTab] = useState<InspectorTab>("node");
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const { setCenter, getZoom, fitView } = useReactFlow();
  const { theme } = useTheme();
  const models = useModelOptions(workspaceId);
  const variables = useTemplateVariables(graph.nodes);

  const replaceGraph = useCallback(
    (next: FlowGraph) => change(() => next, { mode: "reset" }),
    [change],
  );
  const autosave = useAutosave({
    flowId: flow.id,
    graph,
    initialGraph: flow.graph,
    initialRevision: flow.revision,
    onReplace: replaceGraph,
  });
  const beforeRun = useCallback(async () => {
    if (autosave.status === "conflict" || autosave.status === "invalid") return false;
    if (autosave.status === "saved") return true;
    return autosave.retry();
  }, [autosave]);
  const run = useEditorRun({ flowId: flow.id, graph, beforeRun });

  const { validated, issues, issuesByNode } = useFlowValidation(graph);
  const versions = useVersionActions({
    workspaceId,
    flowId: flow.id,
    autosave,
    history,
    issues,
    canEdit,
  });
  const { nodes, edges } = useCanvasElements({
    graph,
    issues,
    issuesByNode,
    selection,
    measured,
    runBadges: run.badges,
  });
  const { onNodesChange, onEdgesChange } = useCanvasChanges({
    canEdit,
    change,
    setMeasured,
    setSelection,
  });

  const initialViewport = useInitialViewport(nodes, wrapper);

  const onNodeDragStop = useCallback(() => history.commit(), [history]);
  const connection = useConnectionRules(graph, canEdit, change);

  const showNode = useCallback(
    (nodeId: string) => {
      select([nodeId]);
      setTab("node");
    },
    [select],
  );
  const { addNode, onDragOver, onDrop } = useAddNode({
    graph,
    canEdit,
    change,
    wrapper,
    onAdded: showNode,
  });

  const focusNode = useCallback(
    (nodeId: string) => {
      const node = graph.nodes.find((n) => n.id === nodeId);
      if (!node) return;
      showNode(nodeId);
      const size = measured.get(nodeId) ?? { width: NODE_WIDTH, height: 80 };
      void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
        zoom: Math.max(getZoom(), 1),
        duration: 300,
      });
    },
    [graph.nodes, measured, showNode, setCenter, getZoom],
  );

  const deleteSelection = useCallback(() => {
    if (!canEdit || (selection.nodes.length === 0 && selection.edges.length === 0)) return;
    change((g) => removeElements(g, new Set(selection.nodes), new Set(selection.edges)));
    setSelection(NO_SELECTION);
  }, [canEdit, change, selection, setSelection]);

  const duplicateSelection = useCallback(() => {
    if (!canEdit || selection.nodes.length === 0) return;
    const result = duplicateNodes(graph, new Set(selection.nodes));
    change(() => result.graph);
    select(result.ids);
  }, [canEdit, change, graph, select, selection.nodes]);

  useClipboard({
    graph,
    selectedNodes: selection.nodes,
    canEdit,
    change,
    select,
  });

  const layout = useCallback(() => {
    if (!canEdit) return;
    void import("./auto-layout").then(({ autoLayout }) => {
      change((g) => autoLayout(g, measured));
      setTimeout(() => void fitView({ padding: 0.15, duration: 300 }), 50);
    });
  }, [canEdit, change, fitView, measured]);

  const updateSelectedNode = useCallback(
    (nodeId: string) => (update: (node: FlowNode) => FlowNode, coalesceKey: string) =>
      change((g) => updateNode(g, nodeId, update), { coalesceKey }),
    [change],
  );

  const shortcuts = useMemo<ShortcutActions>(
    () => ({
      undo: history.undo,
      redo: history.redo,
      duplicate: duplicateSelection,
      selectAll: () => setSelection({ nodes: graph.nodes.map((n) => n.id), edges: [] }),
      remove: deleteSelection,
      layout,
      fitView: () => void fitView({ padding: 0.15, duration: 300 }),
      quickAdd: () => {
        if (canEdit) setQuickAddOpen(true);
      },
      showShortcuts: () => setShortcutsOpen(true),
      clearSelection: () => setSelection(NO_SELECTION),
      ...versions.shortcuts,
    }),
    [
      history,
      duplicateSelection,
      deleteSelection,
      layout,
      fitView,
      graph,
      canEdit,
      setSelection,
      versions.shortcuts,
    ],
  );
  useEditorShortcuts(shortcuts);

  const selectedNode =
    selection.nodes.length === 1 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;

  return (
    <div
      className="fixed inset-x-0 top-14 bottom-0 z-10 flex flex-col bg-background md:top-0 md:left-64"
      data-testid="flow-editor"
    >
      <EditorTopBar
        name={flow.name}
        autosave={autosave}
        history={history}
        versions={versions}
        graph={graph}
        canEdit={canEdit}
        onAddNode={() => setQuickAddOpen(true)}
        onLayout={layout}
        onFitView={() => void fitView({ padding: 0.15, duration: 300 })}
        onShowShortcuts={() => setShortcutsOpen(true)}
      />
      <ConflictBanner autosave={autosave} name={flow.name} graph={graph} />
      <BudgetBanner
        workspaceId={workspaceId}
        flowId={flow.id}
        className="mb-0 rounded-none border-x-0 border-t-0"
      />
      <div className="flex min-h-0 flex-1">
        <PaletteSection canEdit={canEdit} onAdd={(definition) => addNode(definition)} />
        <div className="flex min-w-0 flex-1 flex-col">
          <section
            aria-label="Flow canvas"
            ref={wrapper}
            className="relative min-h-0 flex-1"
            onDragOver={onDragOver}
            onDrop={onDrop}
            onPointerDown={capturePanePointer}
            data-testid="flow-canvas"
          >
            {initialViewport && (
              <ReactFlow<CanvasNode, Edge>
                defaultViewport={initialViewport}
                nodes={nodes}
                edges={edges}
                nodeTypes={NODE_TYPES}
                onNodesChange={onNodesChange}
                onEdgesChange={onEdgesChange}
                onNodeDragStop={onNodeDragStop}
                onConnect={connection.onConnect}
                onConnectEnd={connection.onConnectEnd}
                onConnectStart={connection.onConnectStart}
                isValidConnection={connection.isValidConnection}
                onPaneClick={() => setSelection(NO_SELECTION)}
                nodesDraggable={canEdit}
                nodesConnectable={canEdit}
                deleteKeyCode={null}
                selectionKeyCode="Shift"
                multiSelectionKeyCode={["Meta", "Control"]}
                colorMode={theme}
                minZoom={0.1}
              >
                <Background gap={20} />
                <Controls showInteractive={false} aria-label="Zoom controls" />
                <MiniMap
                  pannable
                  zoomable
                  ariaLabel="Mini map"
                  style={{ width: 150, height: 100 }}
                />
                <CostOverlay workspaceId={workspaceId} flowId={flow.id} run={run.live} />
              </ReactFlow>
            )}
            <ConnectMessage message={connection.connectMessage} />
          </section>
          <ProblemsPanel issues={issues} graph={validated} onFocusNode={focusNode} />
        </div>
        <Inspector
          tab={tab}
          onTab={setTab}
          workspaceId={workspaceId}
          flowId={flow.id}
          graph={graph}
          selectedNode={selectedNode}
          selectedCount={selection.nodes.length}
          issuesByNode={issuesByNode}
          models={models}
          variables={variables}
          canEdit={canEdit}
          canRun={canRun}
          run={run}
          onNodeChange={updateSelectedNode}
          onDelete={deleteSelection}
          onDuplicate={duplicateSelection}
        />
      </div>
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      <QuickAddDialog
        open={quickAddOpen}
        onOpenChange={setQuickAddOpen}
        onPick={(definition) => addNode(definition)}
      />
    </div>
  );
}
