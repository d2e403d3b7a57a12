"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { useMoveLabel } from "@/lib/query/prompt-labels";
import { moveLabelSchema } from "@/lib/schemas/prompt-library";
import type { LabelDialogProps } from "./dialog-props";
import { VersionField } from "./version-field";
import { proposedVersionId } from "./version-select";

/** Points an unprotected label at another version, at once. */
export function MoveLabelDialog({
  workspaceId,
  prompt,
  label,
  open,
  onOpenChange,
}: LabelDialogProps) {
  const move = useMoveLabel(workspaceId, prompt.id);
  const form = useForm({
    resolver: zodResolver(moveLabelSchema),
    values: { versionId: proposedVersionId(prompt, label) },
  });
  const dialog = useFormDialog(form, ["versionId"], onOpenChange, async ({ versionId }) => {
    await move.mutateAsync({ label: label.name, versionId });
    const version = prompt.versions.find((v) => v.id === versionId)?.version;
    toast.success(`${label.name} now points at v${version}`);
  });
  return (
    <FormDialog
      {...dialog}
      open={open}
      title={`Move ${label.name}`}
      description={
        label.version === null
          ? `The ${label.name} label points at no version yet. Steps that use it start using the version you pick.`
          : `The ${label.name} label points at v${label.version}. Steps that use it switch to the version you pick on their next run.`
      }
      submitLabel="Move label"
      pending={move.isPending}
    >
      <VersionField
        control={form.control}
        name="versionId"
        id="move-label-version"
        label="Version"
        versions={prompt.versions}
      />
    </FormDialog>
  );
}
