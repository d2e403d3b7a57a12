import { z } from "zod";

/** Share of the limit at which a budget warns. */
export const BUDGET_WARNING_RATIO = 0.8;

/** Largest limit the Decimal(18, 8) column holds comfortably. */
export const MAX_BUDGET_USD = 1_000_000_000;

const flowIdSchema = z.string().min(1).max(64);

/** A positive US-dollar amount with up to 8 decimals, as a decimal string or a number. */
export const usdAmountSchema = z
  .union([z.string().trim(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value))
  .pipe(
    z
      .string()
      .regex(/^\d+(\.\d{1,8})?$/, { message: "Enter an amount like 250 or 99.50", abort: true })
      .refine((value) => Number(value) > 0, { message: "Must be more than 0", abort: true })
      .refine((value) => Number(value) <= MAX_BUDGET_USD, {
        message: `At most ${MAX_BUDGET_USD.toLocaleString("en-US")}`,
      }),
  );

/** PUT /api/budgets: set the workspace budget (no flowId) or a flow's. */
export const putBudgetSchema = z.strictObject({
  flowId: flowIdSchema.nullable().optional(),
  limitUsd: usdAmountSchema,
  hardLimit: z.boolean(),
});

/** DELETE /api/budgets?flowId=: without flowId, the workspace budget. */
export const deleteBudgetQuerySchema = z.strictObject({ flowId: flowIdSchema.optional() });

/** How close a budget is to its limit. */
export type BudgetState = "ok" | "warning" | "exceeded";

/** A budget with this month's spend, as the API returns it. */
export interface BudgetDto {
  id: string;
  /** Null for the workspace-wide budget. */
  flowId: string | null;
  flowName: string | null;
  limitUsd: string;
  spendUsd: string;
  /** spend / limit (1 = at the limit). */
  ratio: number;
  state: BudgetState;
  hardLimit: boolean;
}

/** GET /api/budgets. */
export interface BudgetsResponse {
  /** First day (UTC) of the month the spend covers, YYYY-MM-DD. */
  month: string;
  workspace: BudgetDto | null;
  flows: BudgetDto[];
}

/** The state for a spend ratio: warning from 80 %, exceeded from 100 %. */
export function budgetState(ratio: number): BudgetState {
  if (ratio >= 1) return "exceeded";
  return ratio >= BUDGET_WARNING_RATIO ? "warning" : "ok";
}

/** "$12.50"; more decimals below a dollar, so small spends and limits do not read as zero. */
export function formatUsd(amount: string | number): string {
  const value = Number(amount);
  return value.toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: value >= 1 || value === 0 ? 2 : value >= 0.0001 ? 4 : 8,
  });
}
