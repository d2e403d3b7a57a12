"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { useMoveLabel } from "@/lib/query/prompt-labels";
import {
  moveLabelSchema,
  type PromptDetailDto,
  type PromptLabelDto,
} from "@/lib/schemas/prompt-library";
import { VersionField } from "./version-field";

/** Points an unprotected label at another version, at once. */
export function MoveLabelDialog({
  workspaceId,
  prompt,
  label,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  prompt: PromptDetailDto;
  label: PromptLabelDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const move = useMoveLabel(workspaceId, prompt.id);
  const form = useForm({
    resolver: zodResolver(moveLabelSchema),
    values: { versionId: prompt.versions[0]?.id ?? "" },
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
          ? `${label.name} points at no version yet. Steps that use it start using the version you pick.`
          : `${label.name} points at v${label.version}. Steps that use it switch to the version you pick on their next run.`
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
