"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from "recharts";
import { ChartCard, ChartFigure } from "@/components/costs/chart-card";
import { flowBars, modelBars, modelName, type NamedCost } from "@/components/costs/chart-data";
import {
  AXIS_PROPS,
  GRID_PROPS,
  SERIES_COLOR,
  TOOLTIP_PROPS,
} from "@/components/costs/chart-theme";
import { formatUsd, formatUsdTick } from "@/components/costs/format";
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
import type { CostsReport, TokenTotals } from "@/lib/schemas/costs";

const BAR_ROW_PX = 36;
const NAME_MAX_CHARS = 24;

const shortName = (name: string) =>
  name.length > NAME_MAX_CHARS ? `${name.slice(0, NAME_MAX_CHARS - 1)}…` : name;

/** A bar's name beside it on one line, shortened, with the full name as its tooltip. */
function NameTick({ x, y, payload }: YAxisTickContentProps) {
  const name = String(payload?.value ?? "");
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fill="var(--muted-foreground)" fontSize={12}>
      <title>{name}</title>
      {shortName(name)}
    </text>
  );
}

function barsSummary(what: string, bars: NamedCost[]): string {
  if (bars.length === 0) return `No ${what} spent anything in this range.`;
  const listed = bars.map((bar) => `${bar.name} ${formatUsd(bar.cost)}`).join(", ");
  return `Spend by ${what}, largest first: ${listed}.`;
}

/** Horizontal bars of spend, one per name, largest on top. */
function SpendBars({
  bars,
  color,
  label,
  what,
}: {
  bars: NamedCost[];
  color: string;
  label: string;
  what: string;
}) {
  return (
    <ChartFigure
      label={label}
      summary={barsSummary(what, bars)}
      height={Math.max(120, bars.length * BAR_ROW_PX + 32)}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid {...GRID_PROPS} horizontal={false} />
          <XAxis type="number" {...AXIS_PROPS} tickFormatter={formatUsdTick} tickCount={4} />
          <YAxis
            type="category"
            dataKey="name"
            {...AXIS_PROPS}
            width={170}
            tick={NameTick}
            interval={0}
          />
          <Tooltip {...TOOLTIP_PROPS} formatter={(value) => [formatUsd(Number(value)), "Spend"]} />
          <Bar
            dataKey="cost"
            name="Spend"
            fill={color}
            radius={[0, 4, 4, 0]}
            maxBarSize={24}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

const right = "whitespace-nowrap text-right";

/** One row of a spend table: a name, its spend, a count and its tokens. */
interface SpendRow extends TokenTotals {
  key: string;
  name: string;
  costUsd: string;
  count: number;
}

/** The table behind a spend bar chart. */
function SpendTable({
  caption,
  nameHeader,
  countHeader,
  rows,
}: {
  caption: string;
  nameHeader: string;
  countHeader: string;
  rows: SpendRow[];
}) {
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead>{nameHeader}</TableHead>
          <TableHead className={right}>Spend</TableHead>
          <TableHead className={right}>{countHeader}</TableHead>
          <TableHead className="text-right">Tokens in / out / cached</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody className="tabular-nums">
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell className="font-medium">{row.name}</TableCell>
            <TableCell className={right}>{formatUsd(row.costUsd)}</TableCell>
            <TableCell className={right}>{formatCount(row.count)}</TableCell>
            <TableCell className={right}>
              {[row.tokensIn, row.tokensOut, row.tokensCached].map(formatCount).join(" / ")}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Spend per flow: a bar chart and its table (attempts and tokens too). */
export function FlowSpendChart({ report, params }: { report: CostsReport; params: CostsParams }) {
  return (
    <ChartCard
      title="Spend by flow"
      description="Flows ranked by what their model calls cost."
      view="flow"
      params={params}
      table={
        <SpendTable
          caption="Spend, attempts and tokens per flow"
          nameHeader="Flow"
          countHeader="Attempts"
          rows={report.byFlow.map((row) => ({
            ...row,
            key: row.flowId,
            name: row.flowName,
            count: row.attempts,
          }))}
        />
      }
    >
      <SpendBars
        bars={flowBars(report.byFlow)}
        color={SERIES_COLOR.spend}
        label="Spend by flow"
        what="flow"
      />
    </ChartCard>
  );
}

/** Spend per provider and model: a bar chart and its table (calls and tokens too). */
export function ModelSpendChart({ report, params }: { report: CostsReport; params: CostsParams }) {
  return (
    <ChartCard
      title="Spend by model"
      description="Each provider and model the runs called."
      view="model"
      params={params}
      table={
        <SpendTable
          caption="Spend, calls and tokens per model"
          nameHeader="Model"
          countHeader="Calls"
          rows={report.byModel.map((row) => ({
            ...row,
            key: modelName(row),
            name: modelName(row),
            count: row.calls,
          }))}
        />
      }
    >
      <SpendBars
        bars={modelBars(report.byModel)}
        color={SERIES_COLOR.model}
        label="Spend by model"
        what="model"
      />
    </ChartCard>
  );
}
