"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { BudgetDto } from "@/lib/schemas/budgets";
import { errorMessage } from "@/lib/query/api";
import { useDeleteBudget } from "@/lib/query/budgets";

/** Edit and remove buttons for one budget. */
export function BudgetRowActions({
  workspaceId,
  budget,
  name,
  onEdit,
}: {
  workspaceId: string;
  budget: BudgetDto;
  name: string;
  onEdit: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteBudget(workspaceId);
  const onDelete = () =>
    remove.mutate(budget.flowId, {
      onSuccess: () => {
        toast.success(`Removed the budget of ${name}`);
        setConfirming(false);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  return (
    <div className="flex justify-end gap-1">
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={`Edit the budget of ${name}`}
        onClick={onEdit}
      >
        <Pencil aria-hidden />
      </Button>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={`Remove the budget of ${name}`}
        onClick={() => setConfirming(true)}
      >
        <Trash2 aria-hidden />
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Remove the budget of ${name}?`}
        description="Its spend stays recorded; there is just no limit or warning any more."
        confirmLabel="Remove budget"
        pending={remove.isPending}
        onConfirm={onDelete}
      />
    </div>
  );
}
