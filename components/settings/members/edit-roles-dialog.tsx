"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { RolesField } from "@/components/settings/members/roles-field";
import { FormDialog } from "@/components/ui/form-dialog";
import { updateMemberSchema, type MemberDto } from "@/lib/schemas/identity";
import { useUpdateMemberRoles } from "@/lib/query/members";

/** Changes a member's roles. */
export function EditRolesDialog({
  workspaceId,
  member,
  isSelf,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  member: MemberDto;
  isSelf: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const update = useUpdateMemberRoles(workspaceId);
  const form = useForm({
    resolver: zodResolver(updateMemberSchema),
    values: { roles: member.roles },
  });
  const dialog = useFormDialog(form, ["roles"], onOpenChange, async ({ roles }) => {
    await update.mutateAsync({ id: member.id, roles });
    toast.success(`Updated roles of ${member.name}`);
  });

  return (
    <FormDialog
      {...dialog}
      open={open}
      title="Edit roles"
      description={
        <>
          {member.name} ({member.email}). Roles add up: a member can do what any of their roles
          allows.
        </>
      }
      submitLabel="Save roles"
      pending={update.isPending}
    >
      {isSelf && (
        <p className="text-sm text-muted-foreground">
          These are your own roles: without Admin you can no longer manage members.
        </p>
      )}
      <RolesField control={form.control} name="roles" />
    </FormDialog>
  );
}
