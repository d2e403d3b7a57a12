"use client";

import { KeyRound, ShieldCheck, UserMinus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { EditRolesDialog } from "@/components/settings/members/edit-roles-dialog";
import { ResetPasswordDialog } from "@/components/settings/members/reset-password-dialog";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { RowActionsMenu } from "@/components/ui/row-actions-menu";
import type { MemberDto } from "@/lib/schemas/identity";
import { errorMessage } from "@/lib/query/api";
import { useRemoveMember } from "@/lib/query/members";

type OpenDialog = "roles" | "password" | "remove" | null;

/** The "…" menu of one member row and the dialogs it opens. */
export function MemberActions({
  workspaceId,
  member,
  isSelf,
}: {
  workspaceId: string;
  member: MemberDto;
  isSelf: boolean;
}) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const remove = useRemoveMember(workspaceId);
  const onOpenChange = (open: boolean) => !open && setDialog(null);

  const onRemove = () =>
    remove.mutate(member.id, {
      onSuccess: () => {
        toast.success(`Removed ${member.name}`);
        setDialog(null);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });

  return (
    <>
      <RowActionsMenu name={member.name}>
        <DropdownMenuItem onSelect={() => setDialog("roles")}>
          <ShieldCheck aria-hidden />
          Edit roles
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => setDialog("password")}>
          <KeyRound aria-hidden />
          Reset password
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem destructive disabled={isSelf} onSelect={() => setDialog("remove")}>
          <UserMinus aria-hidden />
          <span className="flex flex-col">
            Remove from workspace
            {isSelf && (
              <span className="text-xs text-muted-foreground">You can’t remove yourself</span>
            )}
          </span>
        </DropdownMenuItem>
      </RowActionsMenu>
      <EditRolesDialog
        workspaceId={workspaceId}
        member={member}
        isSelf={isSelf}
        open={dialog === "roles"}
        onOpenChange={onOpenChange}
      />
      <ResetPasswordDialog
        workspaceId={workspaceId}
        member={member}
        open={dialog === "password"}
        onOpenChange={onOpenChange}
      />
      <ConfirmDialog
        open={dialog === "remove"}
        onOpenChange={onOpenChange}
        title={`Remove ${member.name}?`}
        description="They lose access to this workspace right away. Their account and their other workspaces are not affected."
        confirmLabel="Remove member"
        pending={remove.isPending}
        onConfirm={onRemove}
      />
    </>
  );
}
