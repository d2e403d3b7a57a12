import { formatPercent } from "@/components/budgets/format";
import { cn } from "@/components/ui/cn";
import { formatUsd, type BudgetDto } from "@/lib/schemas/budgets";

const BAR_COLOR: Record<BudgetDto["state"], string> = {
  ok: "bg-emerald-500 dark:bg-emerald-400",
  warning: "bg-amber-500 dark:bg-amber-400",
  exceeded: "bg-red-600 dark:bg-red-500",
};

/** The month's spend of a budget as a progress bar, with the amounts below it. */
export function BudgetProgress({ budget, label }: { budget: BudgetDto; label: string }) {
  const percent = Math.min(100, Math.round(budget.ratio * 100));
  const text = `${formatUsd(budget.spendUsd)} of ${formatUsd(budget.limitUsd)}`;
  return (
    <div className="flex min-w-40 flex-col gap-1.5">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${text} (${formatPercent(budget.ratio)})`}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className={cn("h-full rounded-full transition-[width]", BAR_COLOR[budget.state])}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-xs text-muted-foreground tabular-nums">
        {text} · {formatPercent(budget.ratio)}
      </p>
    </div>
  );
}
