"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { TemporaryPasswordField } from "@/components/settings/members/temporary-password-field";
import { FormDialog } from "@/components/ui/form-dialog";
import { resetPasswordSchema, type MemberDto } from "@/lib/schemas/identity";
import { useResetMemberPassword } from "@/lib/query/members";

/** Sets a new temporary password for a member. */
export function ResetPasswordDialog({
  workspaceId,
  member,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  member: MemberDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const reset = useResetMemberPassword(workspaceId);
  const form = useForm({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { temporaryPassword: "" },
  });
  const dialog = useFormDialog(
    form,
    ["temporaryPassword"],
    onOpenChange,
    async ({ temporaryPassword }) => {
      await reset.mutateAsync({ id: member.id, temporaryPassword });
      toast.success(`Password reset for ${member.name}`, {
        description: "They must choose a new password at their next sign-in.",
      });
    },
  );

  return (
    <FormDialog
      {...dialog}
      open={open}
      title="Reset password"
      description={
        <>
          Set a temporary password for {member.name} ({member.email}). Their current password stops
          working, and they must choose a new one at their next sign-in.
        </>
      }
      submitLabel="Reset password"
      pending={reset.isPending}
    >
      <TemporaryPasswordField
        form={form}
        name="temporaryPassword"
        id="reset-password"
        hint="At least 10 characters. Share it over a channel you trust."
      />
    </FormDialog>
  );
}
