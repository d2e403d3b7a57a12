"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
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
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { createWorkspaceSchema } from "@/lib/schemas/identity";
import { useCreateWorkspace, useSwitchWorkspace } from "@/lib/query/workspaces";

/** Creates a workspace and switches to it. */
export function NewWorkspaceDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const create = useCreateWorkspace();
  const switchWorkspace = useSwitchWorkspace();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(createWorkspaceSchema),
    defaultValues: { name: "" },
  });
  const pending = create.isPending || switchWorkspace.isPending;

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setFormError(null);
    try {
      const { workspace } = await create.mutateAsync(name);
      await switchWorkspace.mutateAsync(workspace.id);
      router.refresh();
      toast.success(`Created ${workspace.name}`);
      form.reset();
      onOpenChange(false);
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ["name"]));
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          form.reset();
          setFormError(null);
        }
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New workspace</DialogTitle>
          <DialogDescription>
            A workspace holds its own flows, runs, prompts, connections and members. You will be its
            admin.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <FormError message={formError} />
          <FormField
            id="workspace-name"
            label="Workspace name"
            error={form.formState.errors.name?.message}
          >
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                placeholder="Acme support"
                {...form.register("name")}
              />
            )}
          </FormField>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending && <Spinner />}
              Create workspace
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
