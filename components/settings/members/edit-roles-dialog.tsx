"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { RolesField } from "@/components/settings/members/roles-field";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
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
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(updateMemberSchema),
    values: { roles: member.roles },
  });

  const onSubmit = form.handleSubmit(async ({ roles }) => {
    setFormError(null);
    try {
      await update.mutateAsync({ id: member.id, roles });
      toast.success(`Updated roles of ${member.name}`);
      onOpenChange(false);
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ["roles"]));
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setFormError(null);
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit roles</DialogTitle>
          <DialogDescription>
            {member.name} ({member.email}). Roles add up: a member can do what any of their roles
            allows.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <FormError message={formError} />
          {isSelf && (
            <p className="text-sm text-muted-foreground">
              These are your own roles: without Admin you can no longer manage members.
            </p>
          )}
          <Controller
            control={form.control}
            name="roles"
            render={({ field }) => (
              <RolesField
                value={field.value}
                onChange={field.onChange}
                error={form.formState.errors.roles?.message}
              />
            )}
          />
          <DialogFooter>
            <Button
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={update.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending && <Spinner />}
              Save roles
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
