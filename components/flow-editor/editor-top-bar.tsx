"use client";

import {
  ArrowLeft,
  Keyboard,
  LayoutDashboard,
  Maximize,
  Plus,
  Redo2,
  Undo2,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { FlowGraph } from "@/lib/engine";
import { CostsToggle } from "./cost-overlay/costs-toggle";
import { SaveIndicator } from "./save-indicator";
import type { useAutosave } from "./use-autosave";
import type { useGraphHistory } from "./use-graph-history";
import type { VersionActions } from "./versions/use-version-actions";
import { VersionButtons } from "./versions/version-buttons";

/** The editor's top bar: back link, flow name, revision, save status, versions and the tools. */
export function EditorTopBar({
  name,
  autosave,
  history,
  versions,
  graph,
  canEdit,
  onAddNode,
  onLayout,
  onFitView,
  onShowShortcuts,
}: {
  name: string;
  autosave: ReturnType<typeof useAutosave>;
  history: ReturnType<typeof useGraphHistory>;
  versions: VersionActions;
  graph: FlowGraph;
  canEdit: boolean;
  onAddNode: () => void;
  onLayout: () => void;
  onFitView: () => void;
  onShowShortcuts: () => void;
}) {
  return (
    <div className="flex h-12 shrink-0 items-center gap-2 border-b px-3">
      <Button asChild variant="ghost" size="icon-sm">
        <Link href="/flows" aria-label="Back to flows">
          <ArrowLeft aria-hidden />
        </Link>
      </Button>
      <h1 className="min-w-12 truncate text-base font-semibold" data-testid="flow-name">
        {name}
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
      <div className="ml-auto flex min-w-0 items-center gap-2">
        <VersionButtons actions={versions} draft={graph} />
      </div>
      <div role="toolbar" aria-label="Editor tools" className="flex shrink-0 items-center gap-1">
        <ToolButton
          label="Add node"
          keys="Mod+K"
          icon={Plus}
          disabled={!canEdit}
          onClick={onAddNode}
        />
        <ToolButton
          label="Undo"
          keys="Mod+Z"
          icon={Undo2}
          disabled={!history.canUndo || !canEdit}
          onClick={history.undo}
        />
        <ToolButton
          label="Redo"
          keys="Mod+Shift+Z"
          icon={Redo2}
          disabled={!history.canRedo || !canEdit}
          onClick={history.redo}
        />
        <ToolButton
          label="Auto-layout"
          keys="Shift+L"
          icon={LayoutDashboard}
          disabled={!canEdit}
          onClick={onLayout}
        />
        <ToolButton label="Fit view" keys="Shift+F" icon={Maximize} onClick={onFitView} />
        <CostsToggle />
        <ToolButton label="Keyboard shortcuts" keys="?" icon={Keyboard} onClick={onShowShortcuts} />
      </div>
    </div>
  );
}

/** An icon button of the editor toolbar, its shortcut in the tooltip. */
function ToolButton({
  label,
  keys,
  icon: Icon,
  disabled,
  onClick,
}: {
  label: string;
  keys: string;
  icon: LucideIcon;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      aria-label={label}
      title={`${label} (${keys})`}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon aria-hidden />
    </Button>
  );
}
