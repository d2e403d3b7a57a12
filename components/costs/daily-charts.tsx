"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartCard, ChartFigure } from "@/components/costs/chart-card";
import { dailySeries, peakOf, type DayPoint } from "@/components/costs/chart-data";
import {
  AXIS_PROPS,
  GRID_PROPS,
  LEGEND_PROPS,
  SERIES_COLOR,
  TOOLTIP_PROPS,
} from "@/components/costs/chart-theme";
import { formatCompact, formatDay, formatUsd, formatUsdTick } from "@/components/costs/format";
import { formatCount } from "@/components/flows/format";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { CostsParams } from "@/lib/query/costs";
import type { CostsReport } from "@/lib/schemas/costs";

const TOKEN_SERIES = [
  ["tokensIn", "Input"],
  ["tokensOut", "Output"],
  ["tokensCached", "Cached"],
] as const;

const dayTick = (day: string) => formatDay(day);
const dayLabel = (day: unknown) => formatDay(String(day), true);

function spendSummary(points: DayPoint[], total: string): string {
  const peak = peakOf(points, (point) => point.cost);
  const busiest =
    peak && peak.cost > 0 ? `; the most on ${dayLabel(peak.day)} (${formatUsd(peak.cost)})` : "";
  return `Spend per UTC day over ${points.length} days: ${formatUsd(total)} in all${busiest}.`;
}

function tokensSummary(report: CostsReport): string {
  const { tokensIn, tokensOut, tokensCached } = report.totals;
  return `Tokens per UTC day, stacked by kind: ${formatCount(tokensIn)} input, ${formatCount(tokensOut)} output and ${formatCount(tokensCached)} cached in all.`;
}

function DailyTable({ report }: { report: CostsReport }) {
  return (
    <div className="max-h-80 overflow-y-auto">
      <Table>
        <caption className="sr-only">Spend and tokens per UTC day with any usage</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Day</TableHead>
            <TableHead className="text-right">Spend</TableHead>
            <TableHead className="text-right">Input tokens</TableHead>
            <TableHead className="text-right">Output tokens</TableHead>
            <TableHead className="text-right">Cached tokens</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody className="tabular-nums">
          {report.byDay.map((row) => (
            <TableRow key={row.day}>
              <TableCell>{dayLabel(row.day)}</TableCell>
              <TableCell className="text-right">{formatUsd(row.costUsd)}</TableCell>
              <TableCell className="text-right">{formatCount(row.tokensIn)}</TableCell>
              <TableCell className="text-right">{formatCount(row.tokensOut)}</TableCell>
              <TableCell className="text-right">{formatCount(row.tokensCached)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Spend by day (area) and tokens by day (stacked input, output, cached) over the whole range. */
export function DailyCharts({ report, params }: { report: CostsReport; params: CostsParams }) {
  const points = dailySeries(report.byDay, report.from, report.to);
  return (
    <ChartCard
      title="By day"
      description="Spend and tokens per UTC day, days without usage at zero."
      view="day"
      params={params}
      table={<DailyTable report={report} />}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFigure
          label="Spend by day"
          heading="Spend"
          summary={spendSummary(points, report.totals.costUsd)}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid {...GRID_PROPS} vertical={false} />
              <XAxis dataKey="day" {...AXIS_PROPS} tickFormatter={dayTick} minTickGap={24} />
              <YAxis {...AXIS_PROPS} tickFormatter={formatUsdTick} tickCount={4} width={72} />
              <Tooltip
                {...TOOLTIP_PROPS}
                labelFormatter={dayLabel}
                formatter={(value) => [formatUsd(Number(value)), "Spend"]}
              />
              <Bar
                dataKey="cost"
                name="Spend"
                fill={SERIES_COLOR.spend}
                radius={[3, 3, 0, 0]}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
        <ChartFigure label="Tokens by day" heading="Tokens" summary={tokensSummary(report)}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid {...GRID_PROPS} vertical={false} />
              <XAxis dataKey="day" {...AXIS_PROPS} tickFormatter={dayTick} minTickGap={24} />
              <YAxis {...AXIS_PROPS} tickFormatter={formatCompact} width={72} />
              <Tooltip
                {...TOOLTIP_PROPS}
                labelFormatter={dayLabel}
                formatter={(value, name) => [formatCount(Number(value)), name]}
              />
              <Legend {...LEGEND_PROPS} itemSorter={null} />
              {TOKEN_SERIES.map(([key, name]) => (
                <Bar
                  key={key}
                  dataKey={key}
                  name={name}
                  stackId="tokens"
                  fill={SERIES_COLOR[key]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      </div>
    </ChartCard>
  );
}
