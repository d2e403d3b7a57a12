import type { z } from "zod";
import {
  budgetsWithSpend,
  deleteBudget,
  findBudget,
  monthStartOf,
  upsertBudget,
  type BudgetSpendRecord,
} from "@/lib/db/budgets";
import { findFlow } from "@/lib/db/flows";
import {
  budgetState,
  formatUsd,
  type BudgetDto,
  type BudgetsResponse,
  type putBudgetSchema,
} from "@/lib/schemas/budgets";
import { audit } from "../audit";
import { ApiError, errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";

function toDto(row: BudgetSpendRecord): BudgetDto {
  const limit = Number(row.limitUsd);
  const ratio = limit > 0 ? Number(row.spendUsd) / limit : 0;
  return {
    id: row.id,
    flowId: row.flowId,
    flowName: row.flowName,
    limitUsd: row.limitUsd,
    spendUsd: row.spendUsd,
    ratio,
    state: budgetState(ratio),
    hardLimit: row.hardLimit,
  };
}

/** The workspace budget and the flow budgets with this month's spend (UTC calendar month). */
export async function budgetsOf(
  ctx: WorkspaceContext,
  now: Date = new Date(),
): Promise<BudgetsResponse> {
  const month = monthStartOf(now);
  const rows = (await budgetsWithSpend(ctx.workspace.id, month)).map(toDto);
  return {
    month,
    workspace: rows.find((b) => b.flowId === null) ?? null,
    flows: rows.filter((b) => b.flowId !== null),
  };
}

async function flowOr404(ctx: WorkspaceContext, flowId: string | null): Promise<void> {
  if (flowId !== null && !(await findFlow(ctx.workspace.id, flowId))) throw errors.notFound("Flow");
}

/** Sets the monthly limit of the workspace (no flowId) or of one of its flows. */
export async function setBudget(
  ctx: WorkspaceContext,
  input: z.output<typeof putBudgetSchema>,
): Promise<BudgetsResponse> {
  const flowId = input.flowId ?? null;
  await flowOr404(ctx, flowId);
  const before = await findBudget(ctx.workspace.id, flowId);
  const id = await upsertBudget(ctx.workspace.id, flowId, input.limitUsd, input.hardLimit);
  await audit(
    ctx,
    before ? "budget.updated" : "budget.created",
    { type: "budget", id },
    {
      before: before
        ? { flowId, limitUsd: before.limitUsd, hardLimit: before.hardLimit }
        : undefined,
      after: { flowId, limitUsd: input.limitUsd, hardLimit: input.hardLimit },
    },
  );
  return budgetsOf(ctx);
}

/** Removes the budget of the workspace (no flowId) or of one of its flows (404 when none). */
export async function removeBudget(ctx: WorkspaceContext, flowId: string | null): Promise<void> {
  await flowOr404(ctx, flowId);
  const before = await findBudget(ctx.workspace.id, flowId);
  if (!before || !(await deleteBudget(ctx.workspace.id, flowId))) throw errors.notFound("Budget");
  await audit(
    ctx,
    "budget.deleted",
    { type: "budget", id: before.id },
    { before: { flowId, limitUsd: before.limitUsd, hardLimit: before.hardLimit } },
  );
}

/**
 * Refuses a new run (402) when the workspace's or the flow's hard budget is used up this month.
 * Soft budgets only warn. Spend includes runs in flight, so the check is a threshold, not a
 * reservation: runs started just before the limit is reached may still take spend over it.
 */
export async function assertWithinBudget(
  workspaceId: string,
  flowId: string,
  now: Date = new Date(),
): Promise<void> {
  const hard = await budgetsWithSpend(workspaceId, monthStartOf(now), { flowId, hardOnly: true });
  const exceeded = hard.map(toDto).find((b) => b.state === "exceeded");
  if (!exceeded) return;
  const which = exceeded.flowId
    ? `The monthly budget of flow “${exceeded.flowName}”`
    : "The workspace's monthly budget";
  throw new ApiError(
    402,
    "budget_exceeded",
    `${which} is used up: ${formatUsd(exceeded.spendUsd)} spent of ${formatUsd(exceeded.limitUsd)}. ` +
      "New runs are refused until an admin raises the limit or the month ends.",
    { budget: exceeded },
  );
}
