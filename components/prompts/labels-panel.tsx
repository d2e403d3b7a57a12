"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { RelativeTime } from "@/components/approvals/relative-time";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/query/api";
import { useDeleteLabel } from "@/lib/query/prompt-labels";
import type { PromptDetailDto, PromptLabelDto } from "@/lib/schemas/prompt-library";
import { LabelBadge, sortLabels } from "./label-badge";
import { LabelRequests } from "./label-requests";
import { MoveLabelDialog } from "./move-label-dialog";
import { NewLabelDialog } from "./new-label-dialog";
import { RequestChangeDialog } from "./request-change-dialog";
import { RollbackDialog } from "./rollback-dialog";

type LabelAction = "move" | "request" | "rollback" | "delete";

/** What the viewer may do with one label. */
function actionsFor(label: PromptLabelDto, canEdit: boolean, canApprove: boolean) {
  const actions: [LabelAction, string][] = [];
  if (!label.protected && canEdit) actions.push(["move", "Move"]);
  if (label.protected && canEdit) actions.push(["request", "Request change"]);
  if (label.protected && canApprove && label.version !== null)
    actions.push(["rollback", "Emergency rollback"]);
  if (!label.builtIn && !label.protected && canEdit) actions.push(["delete", "Delete"]);
  return actions;
}

/** One label: where it points, when it last moved, its actions and its open change requests. */
function LabelRow({
  label,
  prompt,
  canEdit,
  canApprove,
  onAction,
}: {
  label: PromptLabelDto;
  prompt: PromptDetailDto;
  canEdit: boolean;
  canApprove: boolean;
  onAction: (action: LabelAction) => void;
}) {
  const requests = prompt.openChangeRequests.filter((r) => r.target.label === label.name);
  return (
    <li
      className="flex flex-col gap-2 border-b py-3 last:border-0"
      data-testid="prompt-label-row"
      data-label={label.name}
    >
      <div className="flex flex-wrap items-center gap-2">
        <LabelBadge name={label.name} isProtected={label.protected} />
        <span className="text-sm" data-testid="label-version">
          {label.version === null ? (
            <span className="text-muted-foreground">not set</span>
          ) : (
            <>
              <span className="sr-only">points at </span>
              <span className="font-mono font-medium">v{label.version}</span>
            </>
          )}
        </span>
        {label.updatedAt && (
          <span className="ml-auto text-xs text-muted-foreground">
            <RelativeTime iso={label.updatedAt} />
          </span>
        )}
      </div>
      {label.protected && (
        <p className="text-xs text-muted-foreground">Protected: moves need an approved request.</p>
      )}
      <div className="flex flex-wrap gap-1.5">
        {actionsFor(label, canEdit, canApprove).map(([action, text]) => (
          <Button
            key={action}
            variant={action === "rollback" || action === "delete" ? "ghost" : "outline"}
            size="sm"
            className={action === "rollback" || action === "delete" ? "text-danger" : undefined}
            aria-label={`${text}: ${label.name}`}
            onClick={() => onAction(action)}
          >
            {text}
          </Button>
        ))}
      </div>
      <LabelRequests requests={requests} />
    </li>
  );
}

/**
 * The prompt's labels: built-in production and staging plus custom labels. Unprotected labels
 * move at once; protected ones through a change request, or an approver's emergency rollback.
 */
export function LabelsPanel({
  workspaceId,
  prompt,
  canEdit,
  canApprove,
}: {
  workspaceId: string;
  prompt: PromptDetailDto;
  canEdit: boolean;
  canApprove: boolean;
}) {
  const [active, setActive] = useState<{ action: LabelAction; label: PromptLabelDto } | null>(null);
  const [creating, setCreating] = useState(false);
  const remove = useDeleteLabel(workspaceId, prompt.id);
  const close = (open: boolean) => !open && setActive(null);
  const dialogProps = { workspaceId, prompt, onOpenChange: close };

  const confirmDelete = async (label: PromptLabelDto) => {
    try {
      await remove.mutateAsync(label.name);
      toast.success(`Deleted label ${label.name}`);
    } catch (error) {
      toast.error(`Could not delete ${label.name}: ${errorMessage(error)}`);
    }
    setActive(null);
  };

  return (
    <section aria-labelledby="prompt-labels-title" className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <h2 id="prompt-labels-title" className="text-sm font-semibold">
          Labels
        </h2>
        {canEdit && (
          <Button variant="ghost" size="sm" onClick={() => setCreating(true)}>
            <Plus aria-hidden />
            New label
          </Button>
        )}
      </div>
      <ul data-testid="prompt-labels">
        {sortLabels(prompt.labels).map((label) => (
          <LabelRow
            key={label.name}
            label={label}
            prompt={prompt}
            canEdit={canEdit}
            canApprove={canApprove}
            onAction={(action) => setActive({ action, label })}
          />
        ))}
      </ul>
      {active?.action === "move" && <MoveLabelDialog {...dialogProps} label={active.label} open />}
      {active?.action === "request" && (
        <RequestChangeDialog {...dialogProps} label={active.label} open />
      )}
      {active?.action === "rollback" && (
        <RollbackDialog {...dialogProps} label={active.label} open />
      )}
      <ConfirmDialog
        open={active?.action === "delete"}
        onOpenChange={close}
        title={`Delete label ${active?.label.name ?? ""}?`}
        description="LLM steps that reference this label fail until they use another label or a version. Versions are kept."
        confirmLabel="Delete label"
        pending={remove.isPending}
        onConfirm={() => active && void confirmDelete(active.label)}
      />
      {canEdit && (
        <NewLabelDialog
          workspaceId={workspaceId}
          prompt={prompt}
          open={creating}
          onOpenChange={setCreating}
        />
      )}
    </section>
  );
}
