"use client";

import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type NodeTypes,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import {
  ArrowLeft,
  CircleAlert,
  CircleCheck,
  Keyboard,
  LayoutDashboard,
  Maximize,
  Plus,
  Redo2,
  Undo2,
} from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useTheme } from "@/components/theme/use-theme";
import {
  validateFlow,
  type AnyNodeDefinition,
  type FlowGraph,
  type FlowIssue,
  type FlowNode,
} from "@/lib/engine";
import { connectionProblem, fromCanvasConnection, toCanvasEdge } from "@/lib/engine/react-flow";
import { nodeRegistry } from "@/lib/nodes";
import { errorMessage } from "@/lib/query/api";
import { useConnections } from "@/lib/query/connections";
import { useEditorFlow } from "@/lib/query/flow-editor";
import type { FlowDto } from "@/lib/schemas/flows";
import type { NodeAttemptDto } from "@/lib/schemas/runs";
import { ConfigPanel } from "./config-panel";
import { FlowNodeView, type CanvasNode, type CanvasNodeData, type NodeRunBadge } from "./flow-node";
import {
  autoLayout,
  createNode,
  definitionOf,
  duplicateNodes,
  NODE_WIDTH,
  newId,
  nodePorts,
  removeElements,
  updateNode,
} from "./graph-ops";
import { PORT_COLOURS } from "./node-visuals";
import { Palette, PALETTE_MIME } from "./palette";
import { issueNodeId, ProblemsPanel } from "./problems-panel";
import { NodeRunDetails, RunPanel, runBadges as badgesOf } from "./run-panel";
import { QuickAddDialog } from "./quick-add";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useAutosave, type SaveStatus } from "./use-autosave";
import { useGraphHistory } from "./use-graph-history";

const NODE_TYPES: NodeTypes = { trellis: FlowNodeView };
const VALIDATE_DELAY_MS = 200;

interface Selection {
  nodes: string[];
  edges: string[];
}
const NO_SELECTION: Selection = { nodes: [], edges: [] };

// Canvas data per node snapshot, reused while its issues and run badge are unchanged, so the
// memoised node component skips nodes an edit did not touch.
const dataCache = new WeakMap<FlowNode, { key: string; data: CanvasNodeData }>();

function nodeData(node: FlowNode, issues: FlowIssue[], run: NodeRunBadge | undefined) {
  const errors = issues.filter((i) => i.severity === "error").map((i) => i.message);
  const warnings = issues.filter((i) => i.severity === "warning").map((i) => i.message);
  const key = JSON.stringify([errors, warnings, run ?? null]);
  const cached = dataCache.get(node);
  if (cached?.key === key) return cached.data;
  const definition = definitionOf(node);
  const data: CanvasNodeData = {
    label: node.label,
    typeLabel: definition?.ui.label ?? `Unknown: ${node.type} v${node.typeVersion}`,
    icon: definition?.ui.icon,
    category: definition?.ui.category,
    ports: nodePorts(node),
    errors,
    warnings,
    run,
  };
  dataCache.set(node, { key, data });
  return data;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.closest("[role=dialog]") !== null
  );
}

function SaveIndicator({ status, error }: { status: SaveStatus; error: string | null }) {
  const text: Record<SaveStatus, string> = {
    saved: "All changes saved",
    unsaved: "Unsaved changes",
    invalid: "Not saved: fix the problems first",
    saving: "Saving…",
    error: `Save failed: ${error ?? "try again"}`,
    conflict: "Not saved: conflict",
  };
  return (
    <span
      role="status"
      data-testid="save-status"
      data-status={status}
      className={cn(
        "flex shrink-0 items-center gap-1.5 text-xs whitespace-nowrap",
        status === "error" || status === "conflict" || status === "invalid"
          ? "text-danger"
          : "text-muted-foreground",
      )}
    >
      {status === "saving" ? (
        <Spinner className="size-3" />
      ) : status === "saved" ? (
        <CircleCheck className="size-3" aria-hidden />
      ) : status === "error" || status === "conflict" || status === "invalid" ? (
        <CircleAlert className="size-3" aria-hidden />
      ) : null}
      <span className="sr-only sm:not-sr-only">{text[status]}</span>
    </span>
  );
}

/** The flow editor of one flow: loads the draft, then hands it to the canvas. */
export function FlowEditor({
  workspaceId,
  flowId,
  canEdit,
  canRun,
}: {
  workspaceId: string;
  flowId: string;
  canEdit: boolean;
  canRun: boolean;
}) {
  const query = useEditorFlow(workspaceId, flowId);
  if (query.isPending)
    return (
      <div role="status" className="flex flex-col gap-4">
        <span className="sr-only">Loading the flow…</span>
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-[60vh]" />
      </div>
    );
  // Once loaded, the editor owns the draft: a failed background refetch must not unmount it.
  if (!query.data)
    return (
      <>
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Flow editor</h1>
        <Alert variant="error" title="Could not open the flow">
          <p>{query.error ? errorMessage(query.error) : "The flow could not be loaded."}</p>
          <Button asChild variant="outline" size="sm" className="mt-3">
            <Link href="/flows">Back to flows</Link>
          </Button>
        </Alert>
      </>
    );
  return (
    <ReactFlowProvider>
      <EditorCanvas
        key={query.data.flow.id}
        workspaceId={workspaceId}
        flow={query.data.flow}
        canEdit={canEdit}
        canRun={canRun}
      />
    </ReactFlowProvider>
  );
}

function EditorCanvas({
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
  const [rawSelection, setSelection] = useState<Selection>(NO_SELECTION);
  const [measured, setMeasured] = useState<Map<string, { width: number; height: number }>>(
    () => new Map(),
  );
  const [runAttempts, setRunAttempts] = useState<NodeAttemptDto[]>([]);
  const runBadges = useMemo(() => badgesOf(runAttempts), [runAttempts]);
  const [tab, setTab] = useState<"node" | "run">("node");
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  const [connectMessage, setConnectMessage] = useState<string | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const clipboard = useRef<FlowGraph | null>(null);
  const { screenToFlowPosition, setCenter, getZoom, fitView } = useReactFlow();
  const { theme } = useTheme();
  const connections = useConnections(workspaceId);
  const models = useMemo(
    () =>
      (connections.data ?? []).map((c) => ({
        name: c.name,
        models: c.models,
        provider: c.provider,
      })),
    [connections.data],
  );

  // Completion for templates: the whole input and the Input node's top-level fields.
  const inputNode = graph.nodes.find((n) => n.type === "input");
  const inputSchema = inputNode?.config.schema;
  const variables = useMemo(() => {
    const props = (inputSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
    const names = Object.keys(props ?? {});
    return ["input", ...names, ...names.map((name) => `input.${name}`)];
  }, [inputSchema]);

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

  // Validation: the engine's validateFlow, debounced.
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

  // Undo or a reload can remove selected elements: the selection only holds live ones.
  const selection = useMemo<Selection>(() => {
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    return {
      nodes: rawSelection.nodes.filter((id) => nodeIds.has(id)),
      edges: rawSelection.edges.filter((id) => edgeIds.has(id)),
    };
  }, [graph, rawSelection]);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);

  const nodes = useMemo<CanvasNode[]>(
    () =>
      graph.nodes.map((node) => {
        const nodeIssues = issuesByNode.get(node.id) ?? [];
        return {
          id: node.id,
          type: "trellis",
          position: node.position,
          selected: selectedNodes.has(node.id),
          measured: measured.get(node.id),
          data: nodeData(node, nodeIssues, runBadges.get(node.id)),
        };
      }),
    [graph.nodes, issuesByNode, selectedNodes, measured, runBadges],
  );

  const edges = useMemo<Edge[]>(() => {
    const portTypes = new Map(
      graph.nodes.map((n) => [n.id, new Map(nodePorts(n).outputs.map((p) => [p.name, p.type]))]),
    );
    const badEdges = new Set(issues.filter((i) => i.edgeId).map((i) => i.edgeId));
    return graph.edges.map((edge) => {
      const type = portTypes.get(edge.source)?.get(edge.sourcePort) ?? "any";
      return {
        ...toCanvasEdge(edge),
        selected: selectedEdges.has(edge.id),
        style: {
          stroke: badEdges.has(edge.id) ? "#ef4444" : PORT_COLOURS[type],
          strokeWidth: selectedEdges.has(edge.id) ? 3 : 2,
        },
      };
    });
  }, [graph.edges, graph.nodes, issues, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moves = new Map<string, { x: number; y: number }>();
      let dragging = false;
      const sizes: [string, { width: number; height: number }][] = [];
      let nextSelection: Map<string, boolean> | null = null;
      for (const c of changes) {
        if (c.type === "position" && c.position && canEdit) {
          moves.set(c.id, c.position);
          dragging ||= Boolean(c.dragging);
        } else if (c.type === "dimensions" && c.dimensions) {
          sizes.push([c.id, c.dimensions]);
        } else if (c.type === "select") {
          nextSelection ??= new Map();
          nextSelection.set(c.id, c.selected);
        }
      }
      if (moves.size > 0)
        change(
          (g) => {
            let moved = false;
            const next = g.nodes.map((n) => {
              const p = moves.get(n.id);
              if (!p) return n;
              const position = { x: Math.round(p.x), y: Math.round(p.y) };
              if (position.x === n.position.x && position.y === n.position.y) return n;
              moved = true;
              return { ...n, position };
            });
            return moved ? { ...g, nodes: next } : g;
          },
          { mode: dragging ? "transient" : "record" },
        );
      if (sizes.length > 0)
        setMeasured((prev) => {
          const next = new Map(prev);
          for (const [id, size] of sizes) next.set(id, size);
          return next;
        });
      if (nextSelection) {
        const updates = nextSelection;
        setSelection((prev) => {
          const set = new Set(prev.nodes);
          for (const [id, selected] of updates) {
            if (selected) set.add(id);
            else set.delete(id);
          }
          return { ...prev, nodes: [...set] };
        });
      }
    },
    [change, canEdit],
  );

  // Frame the flow once every node has been measured.
  const framed = useRef(false);
  const allMeasured = graph.nodes.length > 0 && graph.nodes.every((n) => measured.has(n.id));
  useEffect(() => {
    if (framed.current || !allMeasured) return;
    framed.current = true;
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [allMeasured, fitView]);

  const onNodeDragStop = useCallback(() => history.commit(), [history]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const updates = changes.filter((c) => c.type === "select");
    if (updates.length === 0) return;
    setSelection((prev) => {
      const set = new Set(prev.edges);
      for (const c of updates) {
        if (c.selected) set.add(c.id);
        else set.delete(c.id);
      }
      return { ...prev, edges: [...set] };
    });
  }, []);

  const isValidConnection = useCallback(
    (connection: Connection | Edge) =>
      canEdit && connectionProblem(graph, nodeRegistry, connection, nodePorts) === null,
    [graph, canEdit],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const problem = connectionProblem(graph, nodeRegistry, connection, nodePorts);
      const edge = fromCanvasConnection(connection, newId("e"));
      if (problem || !edge) {
        toast.error(problem ?? "Connect an output to an input");
        return;
      }
      setConnectMessage(null);
      change((g) => ({ ...g, edges: [...g.edges, edge] }));
    },
    [graph, change],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (!state.fromHandle || !state.toHandle || state.isValid) return;
      const from = state.fromHandle;
      const to = state.toHandle;
      const [source, target] = from.type === "source" ? [from, to] : [to, from];
      const problem =
        source.type === target.type
          ? `Connect an output to an input, not two ${source.type === "source" ? "outputs" : "inputs"}`
          : connectionProblem(
              graph,
              nodeRegistry,
              {
                source: source.nodeId,
                sourceHandle: source.id,
                target: target.nodeId,
                targetHandle: target.id,
              },
              nodePorts,
            );
      if (!problem) return;
      setConnectMessage(problem);
      toast.error(problem);
    },
    [graph],
  );

  useEffect(() => {
    if (!connectMessage) return;
    const timer = setTimeout(() => setConnectMessage(null), 6_000);
    return () => clearTimeout(timer);
  }, [connectMessage]);

  const select = useCallback(
    (nodeIds: string[]) => setSelection({ nodes: nodeIds, edges: [] }),
    [],
  );

  const addNode = useCallback(
    (definition: AnyNodeDefinition, position?: { x: number; y: number }) => {
      if (!canEdit) return;
      let at = position;
      if (!at) {
        const rect = wrapper.current?.getBoundingClientRect();
        const center = rect
          ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
          : { x: 0, y: 0 };
        // Stagger repeated clicks so new nodes do not stack exactly.
        const offset = (graph.nodes.length % 5) * 24;
        at = { x: center.x - NODE_WIDTH / 2 + offset, y: center.y - 40 + offset };
      }
      const node = createNode(definition, at);
      change((g) => ({ ...g, nodes: [...g.nodes, node] }));
      select([node.id]);
      setTab("node");
    },
    [canEdit, change, graph.nodes.length, screenToFlowPosition, select],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const payload = event.dataTransfer.getData(PALETTE_MIME);
      if (!payload) return;
      event.preventDefault();
      const [type, version] = payload.split("@");
      const definition = nodeRegistry.get(type ?? "", Number(version));
      if (!definition) return;
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNode(definition, { x: at.x - NODE_WIDTH / 2, y: at.y - 20 });
    },
    [addNode, screenToFlowPosition],
  );

  const focusNode = useCallback(
    (nodeId: string) => {
      const node = graph.nodes.find((n) => n.id === nodeId);
      if (!node) return;
      select([nodeId]);
      setTab("node");
      const size = measured.get(nodeId) ?? { width: NODE_WIDTH, height: 80 };
      void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
        zoom: Math.max(getZoom(), 1),
        duration: 300,
      });
    },
    [graph.nodes, measured, select, setCenter, getZoom],
  );

  const deleteSelection = useCallback(() => {
    if (!canEdit || (selection.nodes.length === 0 && selection.edges.length === 0)) return;
    change((g) => removeElements(g, new Set(selection.nodes), new Set(selection.edges)));
    setSelection(NO_SELECTION);
  }, [canEdit, change, selection]);

  const duplicateSelection = useCallback(() => {
    if (!canEdit || selection.nodes.length === 0) return;
    const result = duplicateNodes(graph, new Set(selection.nodes));
    change(() => result.graph);
    select(result.ids);
  }, [canEdit, change, graph, select, selection.nodes]);

  const copySelection = useCallback(() => {
    if (selection.nodes.length === 0) return;
    const ids = new Set(selection.nodes);
    clipboard.current = {
      nodes: graph.nodes.filter((n) => ids.has(n.id)),
      edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    };
  }, [graph, selection.nodes]);

  const paste = useCallback(() => {
    const copied = clipboard.current;
    if (!canEdit || !copied || copied.nodes.length === 0) return;
    const result = duplicateNodes(copied, new Set(copied.nodes.map((n) => n.id)), 60);
    const added = result.graph.nodes.slice(copied.nodes.length);
    const addedEdges = result.graph.edges.slice(copied.edges.length);
    change((g) => ({ nodes: [...g.nodes, ...added], edges: [...g.edges, ...addedEdges] }));
    select(result.ids);
  }, [canEdit, change, select]);

  const layout = useCallback(() => {
    if (!canEdit) return;
    change((g) => autoLayout(g, measured));
    setTimeout(() => void fitView({ padding: 0.15, duration: 300 }), 50);
  }, [canEdit, change, fitView, measured]);

  const updateSelectedNode = useCallback(
    (nodeId: string) => (update: (node: FlowNode) => FlowNode, coalesceKey: string) =>
      change((g) => updateNode(g, nodeId, update), { coalesceKey }),
    [change],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextTarget(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "z" && !event.shiftKey) {
        event.preventDefault();
        history.undo();
      } else if (mod && ((key === "z" && event.shiftKey) || key === "y")) {
        event.preventDefault();
        history.redo();
      } else if (mod && key === "d") {
        event.preventDefault();
        duplicateSelection();
      } else if (mod && key === "c") {
        copySelection();
      } else if (mod && key === "v") {
        event.preventDefault();
        paste();
      } else if (mod && key === "a") {
        event.preventDefault();
        setSelection({ nodes: graph.nodes.map((n) => n.id), edges: [] });
      } else if (!mod && (event.key === "Delete" || event.key === "Backspace")) {
        event.preventDefault();
        deleteSelection();
      } else if (!mod && event.shiftKey && key === "l") {
        event.preventDefault();
        layout();
      } else if (!mod && event.shiftKey && key === "f") {
        event.preventDefault();
        void fitView({ padding: 0.15, duration: 300 });
      } else if (mod && key === "k") {
        event.preventDefault();
        if (canEdit) setQuickAddOpen(true);
      } else if (event.key === "?") {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (event.key === "Escape") {
        setSelection(NO_SELECTION);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [
    history,
    duplicateSelection,
    copySelection,
    paste,
    deleteSelection,
    layout,
    fitView,
    graph,
    canEdit,
  ]);

  const selectedNode =
    selection.nodes.length === 1 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;

  const beforeRun = useCallback(async () => {
    if (autosave.status === "conflict" || autosave.status === "invalid") return false;
    if (autosave.status === "saved") return true;
    return autosave.retry();
  }, [autosave]);

  return (
    <div
      className="fixed inset-x-0 top-14 bottom-0 z-10 flex flex-col bg-background md:top-0 md:left-64"
      data-testid="flow-editor"
    >
      <div className="flex h-12 shrink-0 items-center gap-2 border-b px-3">
        <Button asChild variant="ghost" size="icon-sm">
          <Link href="/flows" aria-label="Back to flows">
            <ArrowLeft aria-hidden />
          </Link>
        </Button>
        <h1 className="min-w-12 truncate text-base font-semibold" data-testid="flow-name">
          {flow.name}
        </h1>
        <span
          className="hidden shrink-0 text-xs text-muted-foreground sm:inline"
          data-testid="flow-revision"
        >
          rev {autosave.revision}
        </span>
        <SaveIndicator status={autosave.status} error={autosave.error} />
        {autosave.status === "error" && (
          <Button variant="outline" size="sm" onClick={() => void autosave.retry()}>
            Retry
          </Button>
        )}
        <div
          role="toolbar"
          aria-label="Editor tools"
          className="ml-auto flex shrink-0 items-center gap-1"
        >
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Add node"
            title="Add node (Mod+K)"
            disabled={!canEdit}
            onClick={() => setQuickAddOpen(true)}
          >
            <Plus aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Undo"
            title="Undo (Mod+Z)"
            disabled={!history.canUndo || !canEdit}
            onClick={history.undo}
          >
            <Undo2 aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Redo"
            title="Redo (Mod+Shift+Z)"
            disabled={!history.canRedo || !canEdit}
            onClick={history.redo}
          >
            <Redo2 aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Auto-layout"
            title="Auto-layout (Shift+L)"
            disabled={!canEdit}
            onClick={layout}
          >
            <LayoutDashboard aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Fit view"
            title="Fit view (Shift+F)"
            onClick={() => void fitView({ padding: 0.15, duration: 300 })}
          >
            <Maximize aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => setShortcutsOpen(true)}
          >
            <Keyboard aria-hidden />
          </Button>
        </div>
      </div>
      {autosave.status === "conflict" && (
        <Alert
          variant="error"
          role="alert"
          data-testid="conflict-alert"
          className="m-2 rounded-md"
          title={`This flow was changed elsewhere${
            autosave.conflict?.currentRevision
              ? ` (revision ${autosave.conflict.currentRevision})`
              : ""
          }.`}
        >
          <p>Your changes are kept here and are not saved until you choose.</p>
          <div className="mt-2 flex gap-2">
            <Button variant="outline" size="sm" onClick={() => void autosave.reloadTheirs()}>
              Reload theirs
            </Button>
            <Button size="sm" onClick={() => void autosave.overwrite()}>
              Overwrite with mine
            </Button>
          </div>
        </Alert>
      )}
      <div className="flex min-h-0 flex-1">
        <section
          aria-labelledby="palette-heading"
          className="hidden w-48 shrink-0 flex-col gap-3 border-r p-3 lg:flex"
        >
          <h2 id="palette-heading" className="text-sm font-semibold">
            Nodes
          </h2>
          {canEdit ? (
            <Palette onAdd={(definition) => addNode(definition)} />
          ) : (
            <p className="text-sm text-muted-foreground">Your role can look but not edit.</p>
          )}
        </section>
        <div className="flex min-w-0 flex-1 flex-col">
          <section
            aria-label="Flow canvas"
            ref={wrapper}
            className="relative min-h-0 flex-1"
            onDragOver={onDragOver}
            onDrop={onDrop}
            data-testid="flow-canvas"
          >
            <ReactFlow<CanvasNode, Edge>
              nodes={nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onNodeDragStop={onNodeDragStop}
              onConnect={onConnect}
              onConnectEnd={onConnectEnd}
              onConnectStart={() => setConnectMessage(null)}
              isValidConnection={isValidConnection}
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
              <MiniMap pannable zoomable ariaLabel="Mini map" style={{ width: 150, height: 100 }} />
            </ReactFlow>
            <p
              aria-live="polite"
              data-testid="connect-message"
              className={cn(
                "pointer-events-none absolute top-2 left-1/2 -translate-x-1/2 rounded-md border border-red-200 bg-red-50 px-3 py-1 text-sm text-red-900 shadow-sm dark:border-red-900 dark:bg-red-950 dark:text-red-200",
                !connectMessage && "sr-only",
              )}
            >
              {connectMessage ?? ""}
            </p>
          </section>
          <ProblemsPanel issues={issues} graph={validated} onFocusNode={focusNode} />
        </div>
        <section
          aria-labelledby="inspector-heading"
          className="hidden w-72 shrink-0 flex-col border-l md:flex xl:w-80"
        >
          <h2 id="inspector-heading" className="sr-only">
            Inspector
          </h2>
          <div role="tablist" aria-label="Inspector" className="flex border-b">
            {(
              [
                ["node", "Node"],
                ["run", "Run"],
              ] as const
            ).map(([id, label]) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                onClick={() => setTab(id)}
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
                    onChange={updateSelectedNode(selectedNode.id)}
                    onDelete={deleteSelection}
                    onDuplicate={duplicateSelection}
                  />
                  <NodeRunDetails
                    attempts={runAttempts.filter((a) => a.nodeId === selectedNode.id)}
                  />
                </fieldset>
              ) : (
                <p className="text-sm text-muted-foreground">
                  {selection.nodes.length > 1
                    ? `${selection.nodes.length} nodes selected. Delete or duplicate them with the keyboard.`
                    : "Select a node to configure it, or add one from the palette."}
                </p>
              )
            ) : (
              <RunPanel
                flowId={flow.id}
                graph={graph}
                canRun={canRun}
                beforeRun={beforeRun}
                onResult={setRunAttempts}
              />
            )}
          </div>
        </section>
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
