"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ExportLink } from "@/components/costs/chart-card";
import {
  averageCost,
  sortNodes,
  type NodeSort,
  type NodeSortKey,
} from "@/components/costs/chart-data";
import { formatCompact, formatRate, formatUsd } from "@/components/costs/format";
import { formatCount, formatLatency } from "@/components/flows/format";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { CostsParams } from "@/lib/query/costs";
import type { CostsByNode } from "@/lib/schemas/costs";

const right = "whitespace-nowrap px-2 text-right";
const left = "whitespace-nowrap px-2 first:pl-4";
/** Headers may wrap, so the numbers set the columns' widths. */
const head = "px-2 text-right";

/** A column header that sorts the table; the active column shows its direction. */
function SortHead({
  column,
  label,
  hint,
  sort,
  onSort,
}: {
  column: NodeSortKey;
  label: string;
  /** Extra words for screen readers. */
  hint?: string;
  sort: NodeSort;
  onSort: (key: NodeSortKey) => void;
}) {
  const active = sort.key === column;
  const Icon = !active ? ArrowUpDown : sort.descending ? ArrowDown : ArrowUp;
  return (
    <TableHead
      className={head}
      aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className="inline-flex items-center gap-1 rounded-sm text-right hover:text-foreground"
      >
        {label}
        {hint && <span className="sr-only"> {hint}</span>}
        <Icon className={active ? "size-3.5" : "size-3.5 opacity-50"} aria-hidden />
      </button>
    </TableHead>
  );
}

function tokensText(row: CostsByNode): string {
  const parts = [row.tokensIn, row.tokensOut];
  if (row.tokensCached > 0) parts.push(row.tokensCached);
  return parts.map(formatCompact).join(" / ");
}

function NodeRow({
  row,
  linked,
  showFlow,
}: {
  row: CostsByNode;
  linked: boolean;
  showFlow: boolean;
}) {
  const label = (
    <span className="flex flex-col">
      <span className="font-medium">{row.nodeLabel}</span>
      <span className="text-xs text-muted-foreground">{row.nodeType}</span>
    </span>
  );
  return (
    <TableRow data-testid="costs-node-row" data-node-id={row.nodeId} data-flow-id={row.flowId}>
      {showFlow && (
        <TableCell className="max-w-32 min-w-24 px-2 first:pl-4">{row.flowName}</TableCell>
      )}
      <TableCell className="min-w-32 px-2 first:pl-4">
        {linked ? (
          <Link
            href={`/flows/${encodeURIComponent(row.flowId)}`}
            className="underline-offset-4 hover:underline"
          >
            {label}
            <span className="sr-only">, open the flow {row.flowName}</span>
          </Link>
        ) : (
          label
        )}
      </TableCell>
      <TableCell className={right}>{formatCount(row.executed)}</TableCell>
      <TableCell className={right}>{formatUsd(row.costUsd)}</TableCell>
      <TableCell className={right}>{formatUsd(averageCost(row))}</TableCell>
      <TableCell
        className={right}
        title={`${formatCount(row.tokensIn)} in, ${formatCount(row.tokensOut)} out, ${formatCount(row.tokensCached)} cached`}
      >
        {tokensText(row)}
      </TableCell>
      <TableCell className={right}>{formatLatency(row.latencyMs.p50)}</TableCell>
      <TableCell className={right}>{formatLatency(row.latencyMs.p95)}</TableCell>
      <TableCell className={right}>{formatLatency(row.latencyMs.p99)}</TableCell>
      <TableCell className={right}>{formatRate(row.errorRate)}</TableCell>
      <TableCell className={right}>{formatRate(row.reviewRate)}</TableCell>
    </TableRow>
  );
}

/**
 * Every node that ran in the range: spend, latency percentiles and reliability, sortable by spend,
 * p95 latency or error rate; rows of flows that still exist link to their editor.
 */
export function NodeTable({
  rows,
  params,
  hasFlow,
}: {
  rows: CostsByNode[];
  params: CostsParams;
  /** Whether a flow still exists (deleted flows keep their spend but have no editor). */
  hasFlow: (flowId: string) => boolean;
}) {
  const [sort, setSort] = useState<NodeSort>({ key: "spend", descending: true });
  const onSort = (key: NodeSortKey) =>
    setSort((current) => ({
      key,
      descending: current.key === key ? !current.descending : true,
    }));
  const sorted = sortNodes(rows, sort);
  // Filtered to one flow, every row would repeat its name.
  const showFlow = !params.flowId;
  return (
    <Card role="region" aria-labelledby="costs-nodes-title">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle id="costs-nodes-title">By node</CardTitle>
          <CardDescription>
            Each node&apos;s executed attempts, spend, latency percentiles and how often it failed
            or paused for review.
          </CardDescription>
        </div>
        <ExportLink view="node" params={params} />
      </CardHeader>
      <div className="px-5 pb-5">
        <Table data-testid="costs-node-table">
          <caption className="sr-only">Spend, latency and reliability per node</caption>
          <TableHeader>
            <TableRow>
              {showFlow && <TableHead className={left}>Flow</TableHead>}
              <TableHead className={left}>Node</TableHead>
              <TableHead className={head}>Executed</TableHead>
              <SortHead column="spend" label="Spend" sort={sort} onSort={onSort} />
              <TableHead className={head}>Avg cost</TableHead>
              <TableHead className={head}>
                <abbr title="Input / output / cached (when any) tokens" className="no-underline">
                  Tokens in / out
                </abbr>
              </TableHead>
              <TableHead className={head}>
                p50<span className="sr-only"> latency</span>
              </TableHead>
              <SortHead column="latency" label="p95" hint="latency" sort={sort} onSort={onSort} />
              <TableHead className={head}>
                p99<span className="sr-only"> latency</span>
              </TableHead>
              <SortHead column="errorRate" label="Error rate" sort={sort} onSort={onSort} />
              <TableHead className={head}>Review rate</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody className="tabular-nums">
            {sorted.map((row) => (
              <NodeRow
                key={`${row.flowId}:${row.nodeId}:${row.nodeType}`}
                row={row}
                linked={hasFlow(row.flowId)}
                showFlow={showFlow}
              />
            ))}
          </TableBody>
        </Table>
      </div>
    </Card>
  );
}
