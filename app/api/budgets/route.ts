import { deleteBudgetQuerySchema, putBudgetSchema } from "@/lib/schemas/budgets";
import { budgetsOf, removeBudget, setBudget } from "@/lib/server/budgets/budgets";
import { route } from "@/lib/server/route";

/** GET /api/budgets: the workspace budget and flow budgets with this month's spend. */
export const GET = route({ permission: "workspace.read" }, ({ ctx }) => budgetsOf(ctx));

/** PUT /api/budgets: set the monthly limit of the workspace (no flowId) or of a flow. */
export const PUT = route({ permission: "policy.manage", body: putBudgetSchema }, ({ ctx, body }) =>
  setBudget(ctx, body),
);

/** DELETE /api/budgets?flowId=: remove a flow's budget, or the workspace's without flowId. */
export const DELETE = route(
  { permission: "policy.manage", query: deleteBudgetQuerySchema },
  ({ ctx, query }) => removeBudget(ctx, query.flowId ?? null),
);
