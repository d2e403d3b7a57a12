"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField, InputField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { usdAmountSchema, type BudgetDto } from "@/lib/schemas/budgets";
import { useSetBudget } from "@/lib/query/budgets";
import { CheckboxField } from "@/components/forms/checkbox-field";

/** Which budget the dialog sets: the workspace's, an existing flow budget, or a new flow budget. */
export type BudgetTarget =
  | { kind: "workspace"; budget: BudgetDto | null }
  | { kind: "flow"; budget: BudgetDto }
  | { kind: "new-flow"; flows: { id: string; name: string }[] };

function formSchema(needsFlow: boolean) {
  return z.object({
    flowId: needsFlow ? z.string().min(1, { message: "Choose a flow" }) : z.string(),
    limitUsd: usdAmountSchema,
    hardLimit: z.boolean(),
  });
}

function titleOf(target: BudgetTarget): string {
  if (target.kind === "workspace") return "Workspace budget";
  if (target.kind === "flow") return `Budget of ${target.budget.flowName ?? "flow"}`;
  return "Add a flow budget";
}

/** Sets a monthly limit in US dollars and whether reaching it refuses new runs. */
export function BudgetDialog({
  workspaceId,
  target,
  onOpenChange,
}: {
  workspaceId: string;
  target: BudgetTarget | null;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSetBudget(workspaceId);
  const current = target && target.kind !== "new-flow" ? target.budget : null;
  const schema = useMemo(() => formSchema(target?.kind === "new-flow"), [target?.kind]);
  const form = useForm({
    resolver: zodResolver(schema),
    values: {
      flowId: current?.flowId ?? "",
      limitUsd: current ? String(Number(current.limitUsd)) : "",
      hardLimit: current?.hardLimit ?? false,
    },
  });
  const dialog = useFormDialog(
    form,
    ["flowId", "limitUsd", "hardLimit"],
    onOpenChange,
    async (values) => {
      await save.mutateAsync({ ...values, flowId: values.flowId || null });
      toast.success("Budget saved");
    },
  );
  if (!target) return null;
  return (
    <FormDialog
      {...dialog}
      open
      title={titleOf(target)}
      description="A limit on this calendar month's model spend (UTC). Failed attempts and runs in progress count."
      submitLabel="Save budget"
      pending={save.isPending}
    >
      {target.kind === "new-flow" && (
        <FormField id="budget-flow" label="Flow" error={form.formState.errors.flowId?.message}>
          {(control) => (
            <Select {...control} {...form.register("flowId")}>
              <option value="">Choose a flow…</option>
              {target.flows.map((flow) => (
                <option key={flow.id} value={flow.id}>
                  {flow.name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      )}
      <InputField
        id="budget-limit"
        label="Monthly limit (USD)"
        inputMode="decimal"
        autoComplete="off"
        placeholder="250.00"
        hint="Up to 8 decimals. A warning shows from 80 % of the limit."
        {...bindField(form, "limitUsd")}
      />
      <CheckboxField
        control={form.control}
        name="hardLimit"
        id="budget-hard"
        label="Hard limit"
        hint="Refuse new runs (editor, API, replays) once the month's spend reaches the limit. Runs already in progress finish."
      />
    </FormDialog>
  );
}
