"use client";

import { Copy, Download, Pencil, SquarePen, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { RenameFlowDialog } from "@/components/flows/flow-details-dialog";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { RowActionsMenu } from "@/components/ui/row-actions-menu";
import { errorMessage } from "@/lib/query/api";
import {
  fetchFlowExport,
  useDeleteFlow,
  useDuplicateFlow,
  type FlowSummaryDto,
} from "@/lib/query/flows";

/** Saves a blob as a file through a temporary link. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The "…" menu of one flow card (open, rename, duplicate, export, delete) and its dialogs. */
export function FlowActions({
  workspaceId,
  flow,
  canEdit,
}: {
  workspaceId: string;
  flow: FlowSummaryDto;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const duplicate = useDuplicateFlow(workspaceId);
  const remove = useDeleteFlow(workspaceId);
  const onOpenChange = (open: boolean) => {
    if (!open) {
      setDialog(null);
      remove.reset();
    }
  };

  const onDuplicate = () =>
    duplicate.mutate(flow.id, {
      onSuccess: ({ flow: copy }) =>
        toast.success(`Duplicated as ${copy.name}`, {
          action: { label: "Open", onClick: () => router.push(`/flows/${copy.id}`) },
        }),
      onError: (error) => toast.error(`Could not duplicate ${flow.name}: ${errorMessage(error)}`),
    });

  const onExport = async () => {
    try {
      const { blob, fileName } = await fetchFlowExport(flow.id);
      saveFile(blob, fileName);
    } catch (error) {
      toast.error(`Could not export ${flow.name}: ${errorMessage(error)}`);
    }
  };

  const onDelete = () =>
    remove.mutate(flow.id, {
      onSuccess: () => {
        toast.success(`Deleted ${flow.name}`);
        setDialog(null);
      },
    });

  return (
    <>
      <RowActionsMenu name={flow.name}>
        <DropdownMenuItem onSelect={() => router.push(`/flows/${flow.id}`)}>
          <SquarePen aria-hidden />
          Open in editor
        </DropdownMenuItem>
        {canEdit && (
          <>
            <DropdownMenuItem onSelect={() => setDialog("rename")}>
              <Pencil aria-hidden />
              Rename…
            </DropdownMenuItem>
            <DropdownMenuItem disabled={duplicate.isPending} onSelect={onDuplicate}>
              <Copy aria-hidden />
              Duplicate
            </DropdownMenuItem>
          </>
        )}
        <DropdownMenuItem onSelect={() => void onExport()}>
          <Download aria-hidden />
          Export JSON
        </DropdownMenuItem>
        {canEdit && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem destructive onSelect={() => setDialog("delete")}>
              <Trash2 aria-hidden />
              Delete…
            </DropdownMenuItem>
          </>
        )}
      </RowActionsMenu>
      {dialog === "rename" && (
        <RenameFlowDialog workspaceId={workspaceId} flow={flow} open onOpenChange={onOpenChange} />
      )}
      <ConfirmDialog
        open={dialog === "delete"}
        onOpenChange={onOpenChange}
        title={`Delete “${flow.name}”?`}
        description={
          <>
            The flow is deleted with its saved versions and run history. This cannot be undone.
            {remove.isError && (
              <span role="alert" className="mt-2 block font-medium text-danger">
                {errorMessage(remove.error)}
              </span>
            )}
          </>
        }
        confirmLabel="Delete flow"
        pending={remove.isPending}
        onConfirm={onDelete}
      />
    </>
  );
}
