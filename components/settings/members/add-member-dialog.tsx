"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { RolesField } from "@/components/settings/members/roles-field";
import { TemporaryPasswordInput } from "@/components/settings/members/temporary-password-input";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { addMemberSchema, type Role } from "@/lib/schemas/identity";
import { useAddMember } from "@/lib/query/members";

const FIELDS = ["email", "name", "roles", "temporaryPassword"] as const;

/** "Add member" button and dialog: email, name, roles and a temporary password. */
export function AddMemberDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const addMember = useAddMember(workspaceId);
  const form = useForm({
    resolver: zodResolver(addMemberSchema),
    defaultValues: { email: "", name: "", roles: ["editor"] as Role[], temporaryPassword: "" },
  });
  const { errors } = form.formState;

  const onOpenChange = (next: boolean) => {
    if (!next) {
      form.reset();
      setFormError(null);
    }
    setOpen(next);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await addMember.mutateAsync(values);
      toast.success(`Added ${values.name}`, {
        description:
          "Share the temporary password with them; they must change it at first sign-in.",
      });
      onOpenChange(false);
    } catch (error) {
      setFormError(applyServerError(error, form.setError, FIELDS));
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          Add member
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Add member</DialogTitle>
          <DialogDescription>
            Give someone access to this workspace. If they have no Trellis account yet, one is
            created.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <FormError message={formError} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="member-email" label="Email" error={errors.email?.message}>
              {(control) => (
                <Input
                  {...control}
                  type="email"
                  autoComplete="off"
                  placeholder="ada@example.com"
                  {...form.register("email")}
                />
              )}
            </FormField>
            <FormField id="member-name" label="Name" error={errors.name?.message}>
              {(control) => (
                <Input
                  {...control}
                  autoComplete="off"
                  placeholder="Ada Lovelace"
                  {...form.register("name")}
                />
              )}
            </FormField>
          </div>
          <Controller
            control={form.control}
            name="roles"
            render={({ field }) => (
              <RolesField
                value={field.value}
                onChange={field.onChange}
                error={errors.roles?.message}
              />
            )}
          />
          <FormField
            id="member-password"
            label="Temporary password"
            error={errors.temporaryPassword?.message}
            hint="At least 10 characters. They must change it at first sign-in, so share it over a channel you trust."
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
            <Button
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={addMember.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={addMember.isPending}>
              {addMember.isPending && <Spinner />}
              Add member
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
