"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { InputField } from "@/components/ui/form-field";
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
  const form = useForm({
    resolver: zodResolver(createWorkspaceSchema),
    defaultValues: { name: "" },
  });
  const dialog = useFormDialog(form, ["name"], onOpenChange, async ({ name }) => {
    const { workspace } = await create.mutateAsync(name);
    await switchWorkspace.mutateAsync(workspace.id);
    router.refresh();
    toast.success(`Created ${workspace.name}`);
  });

  return (
    <FormDialog
      {...dialog}
      open={open}
      title="New workspace"
      description="A workspace holds its own flows, runs, prompts, connections and members. You will be its admin."
      submitLabel="Create workspace"
      pending={create.isPending || switchWorkspace.isPending}
    >
      <InputField
        id="workspace-name"
        label="Workspace name"
        autoComplete="off"
        placeholder="Acme support"
        {...bindField(form, "name")}
      />
    </FormDialog>
  );
}
