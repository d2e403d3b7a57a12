"use client";

import { RefreshCw, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ReplaceSecretDialog } from "@/components/settings/secrets/secret-dialogs";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { RowActionsMenu } from "@/components/ui/row-actions-menu";
import type { SecretDto } from "@/lib/schemas/settings";
import { errorMessage } from "@/lib/query/api";
import { useDeleteSecret } from "@/lib/query/secrets";

/** The "…" menu of one secret row and the dialogs it opens. */
export function SecretActions({ workspaceId, secret }: { workspaceId: string; secret: SecretDto }) {
  const [dialog, setDialog] = useState<"replace" | "delete" | null>(null);
  const remove = useDeleteSecret(workspaceId);
  const onOpenChange = (open: boolean) => !open && setDialog(null);
  const onDelete = () =>
    remove.mutate(secret.id, {
      onSuccess: () => {
        toast.success(`Deleted secret ${secret.name}`);
        setDialog(null);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });

  return (
    <>
      <RowActionsMenu name={secret.name}>
        <DropdownMenuItem onSelect={() => setDialog("replace")}>
          <RefreshCw aria-hidden />
          Replace value
        </DropdownMenuItem>
        <DropdownMenuItem destructive onSelect={() => setDialog("delete")}>
          <Trash2 aria-hidden />
          Delete
        </DropdownMenuItem>
      </RowActionsMenu>
      <ReplaceSecretDialog
        workspaceId={workspaceId}
        secret={secret}
        open={dialog === "replace"}
        onOpenChange={onOpenChange}
      />
      <ConfirmDialog
        open={dialog === "delete"}
        onOpenChange={onOpenChange}
        title={`Delete secret ${secret.name}?`}
        description="Steps that use this secret will fail until you add a secret with the same name again."
        confirmLabel="Delete secret"
        pending={remove.isPending}
        onConfirm={onDelete}
      />
    </>
  );
}
