import { costTotals, costsByDay, costsByFlow, costsByModel, costsByNode } from "@/lib/db/costs";
import type { CostsReport } from "@/lib/schemas/costs";
import type { WorkspaceContext } from "../workspace-context";

/** A parsed costs query (dates already checked by costsQuerySchema). */
export interface CostsQuery {
  from: string;
  to: string;
  flowId?: string;
}

/** The costs page's report for the active workspace: totals and the four breakdowns. */
export async function costsReport(ctx: WorkspaceContext, query: CostsQuery): Promise<CostsReport> {
  const scope = { workspaceId: ctx.workspace.id, ...query };
  const [totals, byDay, byFlow, byModel, byNode] = await Promise.all([
    costTotals(scope),
    costsByDay(scope),
    costsByFlow(scope),
    costsByModel(scope),
    costsByNode(scope),
  ]);
  return {
    from: query.from,
    to: query.to,
    flowId: query.flowId ?? null,
    totals,
    byDay,
    byFlow,
    byModel,
    byNode,
  };
}
