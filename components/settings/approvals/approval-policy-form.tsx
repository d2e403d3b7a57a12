"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useController, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormError } from "@/components/forms/form-error";
import { useServerForm } from "@/components/forms/use-server-form";
import { ProtectedLabelsField } from "@/components/settings/approvals/protected-labels-field";
import { ListError } from "@/components/settings/list-error";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { ListSkeleton } from "@/components/ui/skeleton";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ApprovalPolicyDto } from "@/lib/schemas/change-requests";
import { useApprovalPolicy, useSaveApprovalPolicy } from "@/lib/query/approval-policy";

/** The choices for required approvals (the API accepts 1 to 5). */
const APPROVAL_COUNTS = [1, 2, 3, 4, 5] as const;

const formSchema = z.object({
  requiredApprovals: z
    .string()
    .regex(/^[1-5]$/, { message: "Choose 1 to 5 approvals" })
    .transform(Number),
  protectedLabels: z.array(z.string()),
});

function PolicyForm({
  workspaceId,
  policy,
  canManage,
}: {
  workspaceId: string;
  policy: ApprovalPolicyDto;
  canManage: boolean;
}) {
  const save = useSaveApprovalPolicy(workspaceId);
  const form = useForm({
    resolver: zodResolver(formSchema),
    values: {
      requiredApprovals: String(policy.requiredApprovals),
      protectedLabels: policy.protectedLabels,
    },
  });
  const { formError, onSubmit } = useServerForm(
    form,
    ["requiredApprovals", "protectedLabels"],
    async (values) => {
      await save.mutateAsync(values);
      toast.success("Approval policy saved");
    },
  );
  const labels = useController({ control: form.control, name: "protectedLabels" });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-6">
      <FormError message={formError} />
      {!canManage && (
        <Alert title="Read only">
          Only admins can change the approval policy. Ask one if a label should need more or fewer
          approvals.
        </Alert>
      )}
      <fieldset disabled={!canManage} className="flex flex-col gap-6">
        <legend className="sr-only">Approval policy</legend>
        <FormField
          id="required-approvals"
          label="Required approvals"
          error={form.formState.errors.requiredApprovals?.message}
          hint="How many approvers, other than the person who opened the request, must approve. The approval that reaches this number moves the label at once."
        >
          {(control) => (
            <Select {...control} className="max-w-40" {...form.register("requiredApprovals")}>
              {APPROVAL_COUNTS.map((count) => (
                <option key={count} value={count}>
                  {count === 1 ? "1 approval" : `${count} approvals`}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <ProtectedLabelsField
          value={labels.field.value}
          onChange={labels.field.onChange}
          error={labels.fieldState.error?.message}
          readOnly={!canManage}
        />
      </fieldset>
      {canManage && (
        <div>
          <SubmitButton pending={save.isPending}>Save approval policy</SubmitButton>
        </div>
      )}
    </form>
  );
}

/** The workspace's approval policy, editable with policy.manage, read-only for everyone else. */
export function ApprovalPolicySection({
  workspaceId,
  canManage,
}: {
  workspaceId: string;
  canManage: boolean;
}) {
  const policy = useApprovalPolicy(workspaceId);
  return (
    <section aria-labelledby="policy-heading" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 id="policy-heading" className="text-lg font-semibold">
          Prompt label protection
        </h2>
        <p className="max-w-2xl text-sm text-muted-foreground">
          A protected label moves only through an approved change request (or an approver&apos;s
          emergency rollback). Other labels move as soon as an editor moves them.
        </p>
      </div>
      {policy.isPending ? (
        <ListSkeleton label="Loading the approval policy…" rows={2} />
      ) : policy.isError ? (
        <ListError
          what="the approval policy"
          error={policy.error}
          onRetry={() => void policy.refetch()}
        />
      ) : (
        <PolicyForm workspaceId={workspaceId} policy={policy.data} canManage={canManage} />
      )}
    </section>
  );
}
