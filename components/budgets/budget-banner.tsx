"use client";

import { CircleAlert, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { formatPercent } from "@/components/budgets/format";
import { cn } from "@/components/ui/cn";
import { formatUsd, type BudgetDto } from "@/lib/schemas/budgets";
import { useBudgets } from "@/lib/query/budgets";

const SEVERITY = { ok: 0, warning: 1, exceeded: 2 } as const;

/** The budget closest to refusing runs: the workspace's, or with `flowId` also that flow's. */
function mostPressing(budgets: (BudgetDto | null | undefined)[]): BudgetDto | undefined {
  return budgets
    .filter((b): b is BudgetDto => !!b && b.state !== "ok")
    .sort(
      (a, b) => SEVERITY[b.state] - SEVERITY[a.state] || Number(b.hardLimit) - Number(a.hardLimit),
    )[0];
}

/**
 * A banner for the workspace's monthly budget (and, in a flow's editor, the flow's): a warning
 * from 80 % of the limit, an error from 100 % (saying new runs are refused when the limit is
 * hard). Nothing below 80 % or without one.
 */
export function BudgetBanner({
  workspaceId,
  flowId,
  className,
}: {
  workspaceId: string;
  flowId?: string;
  className?: string;
}) {
  const data = useBudgets(workspaceId).data;
  const budget = mostPressing([
    data?.workspace,
    flowId ? data?.flows.find((b) => b.flowId === flowId) : undefined,
  ]);
  if (!budget) return null;
  const exceeded = budget.state === "exceeded";
  const Icon = exceeded ? CircleAlert : TriangleAlert;
  const consequence = !exceeded
    ? budget.hardLimit
      ? "New runs will be refused once it is reached."
      : null
    : budget.hardLimit
      ? "New runs are refused until an admin raises the limit or the month ends."
      : "Runs still start: this is a soft limit.";
  return (
    <div
      role={exceeded ? "alert" : "status"}
      data-testid="budget-banner"
      className={cn(
        "mb-6 flex items-start gap-3 rounded-md border px-4 py-3 text-sm",
        className,
        exceeded
          ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900/70 dark:bg-red-950/40 dark:text-red-200"
          : "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900/70 dark:bg-amber-950/40 dark:text-amber-100",
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p>
        <span className="font-medium">
          {budget.flowName ? `${budget.flowName}: monthly` : "Monthly"} budget{" "}
          {exceeded ? "reached." : "almost used."}
        </span>{" "}
        {formatUsd(budget.spendUsd)} of {formatUsd(budget.limitUsd)} spent this month (
        {formatPercent(budget.ratio)}). {consequence}{" "}
        <Link href="/settings/usage" className="font-medium underline underline-offset-2">
          Usage &amp; data
        </Link>
      </p>
    </div>
  );
}
