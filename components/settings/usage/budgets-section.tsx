"use client";

import { Plus, Wallet } from "lucide-react";
import { useState } from "react";
import { BudgetProgress } from "@/components/budgets/budget-progress";
import { ListError } from "@/components/settings/list-error";
import { BudgetDialog, type BudgetTarget } from "@/components/settings/usage/budget-dialog";
import { BudgetRowActions } from "@/components/settings/usage/budget-row-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatUsd, type BudgetDto } from "@/lib/schemas/budgets";
import { useBudgets } from "@/lib/query/budgets";
import { useFlows } from "@/lib/query/flows";

const STATE_BADGE = {
  ok: { variant: "success", label: "Within budget" },
  warning: { variant: "warning", label: "Over 80 %" },
  exceeded: { variant: "danger", label: "Limit reached" },
} as const;

function BudgetState({ budget }: { budget: BudgetDto }) {
  const badge = STATE_BADGE[budget.state];
  return (
    <div className="flex flex-wrap gap-1">
      <Badge variant={badge.variant}>{badge.label}</Badge>
      <Badge variant="outline">{budget.hardLimit ? "Hard limit" : "Soft limit"}</Badge>
    </div>
  );
}

/** The workspace budget and the flow budgets with this month's spend; editable with policy.manage. */
export function BudgetsSection({
  workspaceId,
  canManage,
}: {
  workspaceId: string;
  canManage: boolean;
}) {
  const budgets = useBudgets(workspaceId);
  const flows = useFlows(workspaceId, { q: "", sort: "name" });
  const [target, setTarget] = useState<BudgetTarget | null>(null);
  if (budgets.isPending) return <ListSkeleton label="Loading budgets…" rows={2} />;
  if (budgets.isError)
    return (
      <ListError what="budgets" error={budgets.error} onRetry={() => void budgets.refetch()} />
    );
  const { workspace, flows: flowBudgets } = budgets.data;
  const rows: { budget: BudgetDto; name: string }[] = [
    ...(workspace ? [{ budget: workspace, name: "the workspace" }] : []),
    ...flowBudgets.map((budget) => ({ budget, name: budget.flowName ?? "a deleted flow" })),
  ];
  const withBudget = new Set(flowBudgets.map((b) => b.flowId));
  const flowsWithout = (flows.data ?? []).filter((flow) => !withBudget.has(flow.id));
  return (
    <section aria-labelledby="budgets-heading" className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex flex-col gap-1">
          <h2 id="budgets-heading" className="text-lg font-semibold">
            Monthly budgets
          </h2>
          <p className="max-w-2xl text-sm text-muted-foreground">
            Model spend this calendar month (UTC), counting failed attempts and runs in progress. A
            hard limit refuses new runs once it is reached; a soft one only warns.
          </p>
        </div>
        {canManage && (
          <div className="flex shrink-0 gap-2">
            <Button
              variant="outline"
              onClick={() => setTarget({ kind: "workspace", budget: workspace })}
            >
              <Wallet aria-hidden />
              {workspace ? "Edit workspace budget" : "Set workspace budget"}
            </Button>
            <Button
              onClick={() => setTarget({ kind: "new-flow", flows: flowsWithout })}
              disabled={flows.isPending || flowsWithout.length === 0}
            >
              <Plus aria-hidden />
              Add flow budget
            </Button>
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={Wallet} title="No budgets yet">
          {canManage
            ? "Set a workspace budget to get a warning at 80 % of the month's limit, or add one per flow."
            : "An admin can set a monthly limit for the workspace or for single flows."}
        </EmptyState>
      ) : (
        <Table aria-label="Budgets">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Scope</TableHead>
              <TableHead>Limit</TableHead>
              <TableHead className="w-2/5">Spent this month</TableHead>
              <TableHead>Status</TableHead>
              {canManage && (
                <TableHead className="w-24">
                  <span className="sr-only">Actions</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ budget, name }) => (
              <TableRow key={budget.id}>
                <TableCell className="font-medium">
                  {budget.flowId ? name : "Whole workspace"}
                </TableCell>
                <TableCell className="tabular-nums">{formatUsd(budget.limitUsd)}</TableCell>
                <TableCell>
                  <BudgetProgress budget={budget} label={`Spend of ${name} this month`} />
                </TableCell>
                <TableCell>
                  <BudgetState budget={budget} />
                </TableCell>
                {canManage && (
                  <TableCell>
                    <BudgetRowActions
                      workspaceId={workspaceId}
                      budget={budget}
                      name={name}
                      onEdit={() =>
                        setTarget(
                          budget.flowId ? { kind: "flow", budget } : { kind: "workspace", budget },
                        )
                      }
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <BudgetDialog
        workspaceId={workspaceId}
        target={target}
        onOpenChange={(open) => !open && setTarget(null)}
      />
    </section>
  );
}
