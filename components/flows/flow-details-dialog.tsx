"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { InputField, TextareaField } from "@/components/ui/form-field";
import { ApiClientError } from "@/lib/query/api";
import {
  useCreateFlow,
  useRenameFlow,
  type FlowDetails,
  type FlowSummaryDto,
} from "@/lib/query/flows";
import { createFlowSchema } from "@/lib/schemas/flows";

const detailsSchema = createFlowSchema.pick({ name: true, description: true });

interface DialogProps {
  workspaceId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** A FormDialog editing a flow's name and description (Radix focuses the name first). */
function DetailsForm({
  idPrefix,
  submitLabel,
  title,
  description,
  pending,
  initial,
  onOpenChange,
  open,
  save,
}: {
  idPrefix: string;
  submitLabel: string;
  title: string;
  description: string;
  pending: boolean;
  initial: FlowDetails;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  save: (values: FlowDetails) => Promise<void>;
}) {
  const form = useForm({ resolver: zodResolver(detailsSchema), defaultValues: initial });
  const dialog = useFormDialog(form, ["name", "description"], onOpenChange, save);
  return (
    <FormDialog
      {...dialog}
      open={open}
      title={title}
      description={description}
      submitLabel={submitLabel}
      pending={pending}
    >
      <InputField
        id={`${idPrefix}-name`}
        label="Name"
        autoComplete="off"
        maxLength={120}
        {...bindField(form, "name")}
      />
      <TextareaField
        id={`${idPrefix}-description`}
        label="Description"
        hint="Optional. What the flow does, for whoever opens it next."
        rows={3}
        {...bindField(form, "description")}
      />
    </FormDialog>
  );
}

/** Creates a flow (an Input wired to an Output) and opens it in the editor. */
export function CreateFlowDialog({ workspaceId, open, onOpenChange }: DialogProps) {
  const create = useCreateFlow(workspaceId);
  const router = useRouter();
  const save = async (details: FlowDetails) => {
    const { flow } = await create.mutateAsync(details);
    toast.success(`Created ${flow.name}`);
    router.push(`/flows/${flow.id}`);
  };
  return (
    <DetailsForm
      idPrefix="new-flow"
      title="New flow"
      description="It starts as an Input wired to an Output; the editor opens next so you can add steps."
      submitLabel="Create and open"
      pending={create.isPending}
      initial={{ name: "", description: "" }}
      open={open}
      onOpenChange={onOpenChange}
      save={save}
    />
  );
}

/** Renames a flow and edits its description, at the revision the list showed. */
export function RenameFlowDialog({
  workspaceId,
  flow,
  open,
  onOpenChange,
}: DialogProps & { flow: FlowSummaryDto }) {
  const rename = useRenameFlow(workspaceId);
  const save = async (details: FlowDetails) => {
    try {
      await rename.mutateAsync({ id: flow.id, revision: flow.revision, ...details });
    } catch (error) {
      if (error instanceof ApiClientError && error.code === "conflict") {
        throw new Error(
          "The flow was changed elsewhere since this list loaded. The list is up to date now: check the name and save again.",
        );
      }
      throw error;
    }
    toast.success(`Saved ${details.name}`);
  };
  return (
    <DetailsForm
      idPrefix={`rename-${flow.id}`}
      title="Rename flow"
      description="The new name and description show in the list, the editor and exports."
      submitLabel="Save"
      pending={rename.isPending}
      initial={{ name: flow.name, description: flow.description }}
      open={open}
      onOpenChange={onOpenChange}
      save={save}
    />
  );
}
