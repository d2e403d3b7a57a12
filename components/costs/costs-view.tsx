"use client";

import { useEffect, useMemo, useState } from "react";
import { FlowSpendChart, ModelSpendChart } from "@/components/costs/breakdown-charts";
import { CHART_COLOR_VARS } from "@/components/costs/chart-theme";
import { CostsFiltersBar } from "@/components/costs/costs-filters";
import { CostsEmpty, CostsSkeleton } from "@/components/costs/costs-states";
import { CostsTotals } from "@/components/costs/costs-totals";
import { DailyCharts } from "@/components/costs/daily-charts";
import { NodeTable } from "@/components/costs/node-table";
import { filtersToSearch, type CostsFilters } from "@/components/costs/range";
import { ListError } from "@/components/settings/list-error";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { ApiClientError } from "@/lib/query/api";
import { useCostsReport, type CostsParams } from "@/lib/query/costs";
import { useFlows } from "@/lib/query/flows";
import type { CostsReport } from "@/lib/schemas/costs";

const FILTER_DELAY_MS = 300;

/** Keeps the filters in the address, so a reload or a shared link shows the same report. */
function useFiltersInAddress(filters: CostsFilters) {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.search = filtersToSearch(filters).toString();
    if (url.href !== window.location.href) window.history.replaceState(null, "", url);
  }, [filters]);
}

function Report({
  report,
  params,
  hasFlow,
}: {
  report: CostsReport;
  params: CostsParams;
  hasFlow: (flowId: string) => boolean;
}) {
  return (
    <>
      <CostsTotals totals={report.totals} />
      <DailyCharts report={report} params={params} />
      <div className="grid gap-6 lg:grid-cols-2">
        <FlowSpendChart report={report} params={params} />
        <ModelSpendChart report={report} params={params} />
      </div>
      <NodeTable rows={report.byNode} params={params} hasFlow={hasFlow} />
    </>
  );
}

/** The Costs page: spend, tokens, latency and reliability of a range of UTC days, for one or all flows. */
export function CostsView({
  workspaceId,
  initialFilters,
}: {
  workspaceId: string;
  initialFilters: CostsFilters;
}) {
  const [filters, setFilters] = useState(initialFilters);
  useFiltersInAddress(filters);
  const { from, to, flowId } = filters;
  const current = useMemo(() => ({ from, to, flowId }), [from, to, flowId]);
  const params = useDebouncedValue(current, FILTER_DELAY_MS);
  const report = useCostsReport(workspaceId, params);
  const flows = useFlows(workspaceId, { q: "", sort: "name" });
  const flowOptions = flows.data ?? [];
  const hasFlow = (id: string) => !flows.data || flows.data.some((flow) => flow.id === id);
  const issues = report.error instanceof ApiClientError ? report.error.issues : [];
  const data = report.data;
  const empty =
    data !== undefined &&
    Number(data.totals.costUsd) === 0 &&
    data.totals.attempts === 0 &&
    data.totals.runs === 0;

  return (
    <div data-testid="costs-page" className={CHART_COLOR_VARS}>
      <PageHeader
        title="Costs"
        description="Token usage and spend per flow, model, node and day, with latency and error rates."
      />
      <div className="flex flex-col gap-6">
        <CostsFiltersBar
          filters={filters}
          onChange={setFilters}
          flows={flowOptions}
          issues={issues}
          loading={report.isFetching && data !== undefined}
        />
        {report.isError && issues.length === 0 && (
          <ListError what="costs" error={report.error} onRetry={() => void report.refetch()} />
        )}
        {report.isPending && <CostsSkeleton />}
        {empty && (
          <CostsEmpty
            from={data.from}
            to={data.to}
            flowName={flowOptions.find((flow) => flow.id === data.flowId)?.name ?? null}
          />
        )}
        {data && !empty && (
          <div
            aria-busy={report.isPlaceholderData}
            className={cn(
              "flex flex-col gap-6 transition-opacity",
              report.isPlaceholderData && "opacity-60",
            )}
          >
            <Report report={data} params={params} hasFlow={hasFlow} />
          </div>
        )}
        {issues.length > 0 && (
          <p className="text-sm text-muted-foreground">Fix the range above to see costs.</p>
        )}
      </div>
    </div>
  );
}
