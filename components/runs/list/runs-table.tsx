import Link from "next/link";
import { Timestamp } from "@/components/approvals/relative-time";
import { RunStatusBadge } from "@/components/flows/run-status-badge";
import { formatLatency } from "@/components/flows/format";
import { cn } from "@/components/ui/cn";
import {
  ROW_LINK_CLASS,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { RunListItem } from "@/lib/query/run-list";
import { formatStarted } from "./format";
import { CostCell, FlowCell, InputCell, RatingCell, TriggerCell } from "./run-cells";

/** One run: the first cell's link covers the whole row, so a click anywhere opens the run. */
function RunRow({ run }: { run: RunListItem }) {
  return (
    <TableRow data-testid="runs-row" data-run-id={run.id} className="relative">
      <TableCell className="px-3 whitespace-nowrap">
        <Link
          href={`/runs/${encodeURIComponent(run.id)}`}
          className={cn(ROW_LINK_CLASS, "flex flex-col gap-0.5 rounded-sm")}
        >
          <Timestamp iso={run.createdAt} format={formatStarted} className="font-medium" />
          <span className="font-mono text-xs text-muted-foreground">{run.id.slice(0, 10)}</span>
        </Link>
      </TableCell>
      <TableCell className="px-3">
        <RunStatusBadge status={run.status} />
      </TableCell>
      <TableCell className="px-3">
        <FlowCell run={run} />
      </TableCell>
      <TableCell className="px-3">
        <TriggerCell run={run} />
      </TableCell>
      <TableCell className="px-3">
        <InputCell preview={run.inputPreview} />
      </TableCell>
      <TableCell className="px-3">
        <RatingCell rating={run.rating} />
      </TableCell>
      <TableCell className="px-3 text-right">
        <CostCell run={run} />
      </TableCell>
      <TableCell className="px-3 text-right whitespace-nowrap tabular-nums">
        {formatLatency(run.latencyMs)}
      </TableCell>
    </TableRow>
  );
}

/** The runs table, newest first; dimmed while a new filter's rows load. */
export function RunsTable({ runs, stale }: { runs: RunListItem[]; stale: boolean }) {
  return (
    <Table data-testid="runs-table" className={cn("transition-opacity", stale && "opacity-60")}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="px-3">Started</TableHead>
          <TableHead className="px-3">Status</TableHead>
          <TableHead className="px-3">Flow</TableHead>
          <TableHead className="px-3">Trigger</TableHead>
          <TableHead className="px-3">Input</TableHead>
          <TableHead className="px-3">Rating</TableHead>
          <TableHead className="px-3 text-right" title="Cost in USD, tokens in / out">
            Cost · tokens
          </TableHead>
          <TableHead className="px-3 text-right">Latency</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <RunRow key={run.id} run={run} />
        ))}
      </TableBody>
    </Table>
  );
}
