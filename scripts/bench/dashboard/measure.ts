import { costTotals, costsByDay, costsByFlow, costsByModel, costsByNode } from "@/lib/db/costs";
import { getDb } from "@/lib/db/client";
import { costsReport } from "@/lib/server/costs/report";
import type { WorkspaceContext } from "@/lib/server/workspace-context";
import { BENCH_WORKSPACE } from "./seed";

/** A timed costs-page query. */
export interface Scenario {
  name: string;
  detail: string;
  run: () => Promise<unknown>;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The costs-page queries the API runs, over the last 90 days of the seeded workspace. */
export function scenarios(): Scenario[] {
  const range = { from: day(-89), to: day(0) };
  const scope = { workspaceId: BENCH_WORKSPACE, ...range };
  const ctx = { workspace: { id: BENCH_WORKSPACE, name: "Bench" } } as WorkspaceContext;
  const of = (what: string) => `lib/db/costs ${what} over 90 days`;
  return [
    {
      name: "totals",
      detail: of("costTotals (rollup sums, runs, good runs, cost per good output)"),
      run: () => costTotals(scope),
    },
    { name: "by-day", detail: of("costsByDay"), run: () => costsByDay(scope) },
    { name: "by-flow", detail: of("costsByFlow (with flow names)"), run: () => costsByFlow(scope) },
    { name: "by-model", detail: of("costsByModel"), run: () => costsByModel(scope) },
    {
      name: "by-node",
      detail: of("costsByNode (p50/p95/p99 off the buckets, labels)"),
      run: () => costsByNode(scope),
    },
    {
      name: "report",
      detail: "costsReport: the five queries of GET /api/costs, 90 days",
      run: () => costsReport(ctx, range),
    },
    {
      name: "report-one-flow",
      detail: "costsReport for one flow (flowId filter), 90 days",
      run: () => costsReport(ctx, { ...range, flowId: "flow-7" }),
    },
  ];
}

/** The peer: counting the node runs the rollups summarise. */
export const countNodeRuns = () => getDb().$queryRaw`SELECT count(*) FROM "NodeRun"`;

/** Milliseconds one call takes. */
export async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
