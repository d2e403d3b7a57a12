"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { TemporaryPasswordInput } from "@/components/settings/members/temporary-password-input";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
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
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { temporaryPassword: "" },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onOpenChange(false);
  };

  const onSubmit = form.handleSubmit(async ({ temporaryPassword }) => {
    setFormError(null);
    try {
      await reset.mutateAsync({ id: member.id, temporaryPassword });
      toast.success(`Password reset for ${member.name}`, {
        description: "They must choose a new password at their next sign-in.",
      });
      close();
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ["temporaryPassword"]));
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Reset password</DialogTitle>
          <DialogDescription>
            Set a temporary password for {member.name} ({member.email}). Their current password
            stops working, and they must choose a new one at their next sign-in.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <FormError message={formError} />
          <FormField
            id="reset-password"
            label="Temporary password"
            error={form.formState.errors.temporaryPassword?.message}
            hint="At least 10 characters. Share it over a channel you trust."
          >
            {(control) => (
              <Controller
                control={form.control}
                name="temporaryPassword"
                render={({ field }) => (
                  <TemporaryPasswordInput
                    {...control}
                    {...field}
                    onGenerate={(password) =>
                      form.setValue("temporaryPassword", password, {
                        shouldValidate: true,
                        shouldDirty: true,
                      })
                    }
                  />
                )}
              />
            )}
          </FormField>
          <DialogFooter>
            <Button variant="outline" onClick={close} disabled={reset.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={reset.isPending}>
              {reset.isPending && <Spinner />}
              Reset password
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
