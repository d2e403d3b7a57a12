"use client";

import { ChevronRight } from "lucide-react";
import { Fragment, useId, useState } from "react";
import { SectionHeading } from "@/components/approvals/draft-view";
import { formatDateTime } from "@/components/settings/format";
import { cn } from "@/components/ui/cn";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import {
  errorCode,
  errorText,
  formatCost,
  formatCount,
  formatLatency,
} from "@/components/flows/format";
import { RunStatusBadge } from "@/components/flows/run-status-badge";
import { ValueBlock } from "@/components/ui/value-block";
import type { NodeAttemptDto } from "@/lib/query/runs";

const COLUMNS = 8;

function attemptKey(node: NodeAttemptDto): string {
  return `${node.nodeId}#${node.attempt}`;
}

/** Prompt, output, error and model details of one node attempt. */
function AttemptDetails({ node }: { node: NodeAttemptDto }) {
  const name = `${node.nodeId} attempt ${node.attempt}`;
  const error = errorText(node.error);
  const code = errorCode(node.error);
  const facts = [
    node.provider && `Provider ${node.provider}`,
    node.tier && `tier ${node.tier}`,
    node.provider && `${formatCount(node.tokensCached)} cached tokens`,
    node.cacheHit && "served from cache",
    `started ${formatDateTime(node.startedAt)}`,
  ].filter(Boolean);
  return (
    <div className="flex flex-col gap-4 py-1">
      <p className="text-xs text-muted-foreground">{facts.join(" · ")}</p>
      {error && (
        <section>
          <SectionHeading>Error</SectionHeading>
          <p className="text-sm break-words whitespace-pre-wrap text-danger">
            {code && <code className="mr-1.5 font-mono text-xs">{code}</code>}
            {error}
          </p>
        </section>
      )}
      {node.renderedPrompt ? (
        <section>
          <SectionHeading>Rendered prompt</SectionHeading>
          <ValueBlock value={node.renderedPrompt} label={`Rendered prompt of ${name}`} />
        </section>
      ) : null}
      <section>
        <SectionHeading>Output</SectionHeading>
        {node.output === null || node.output === undefined ? (
          <p className="text-sm text-muted-foreground">
            {node.status === "skipped" ? "Skipped: no output." : "No output."}
          </p>
        ) : (
          <ValueBlock value={node.output} label={`Output of ${name}`} />
        )}
      </section>
    </div>
  );
}

/** Every node attempt of a run as a compact table; a row expands to its prompt, output and error. */
export function NodeAttemptsTable({ nodes }: { nodes: NodeAttemptDto[] }) {
  const baseId = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <Table aria-label="Node attempts" data-testid="run-nodes" className="text-xs">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="px-3 whitespace-nowrap">Node</TableHead>
          <TableHead className="px-3 whitespace-nowrap">Type</TableHead>
          <TableHead className="px-3 whitespace-nowrap text-right">Attempt</TableHead>
          <TableHead className="px-3 whitespace-nowrap">Status</TableHead>
          <TableHead className="px-3 whitespace-nowrap">Model</TableHead>
          <TableHead className="px-3 whitespace-nowrap text-right">Tokens in / out</TableHead>
          <TableHead className="px-3 whitespace-nowrap text-right">Cost</TableHead>
          <TableHead className="px-3 whitespace-nowrap text-right">Latency</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {nodes.map((node, index) => {
          const key = attemptKey(node);
          const open = expanded.has(key);
          const detailsId = `${baseId}-${index}`;
          const usesModel = node.provider !== null;
          return (
            <Fragment key={key}>
              <TableRow
                data-testid="run-node"
                data-node-id={node.nodeId}
                className={cn(
                  node.status === "skipped" && "text-muted-foreground",
                  open && "border-b-0",
                )}
              >
                <TableCell className="px-3 py-1.5">
                  <button
                    type="button"
                    className="-ml-1 flex items-center gap-1 rounded-sm px-1 py-1 font-mono font-medium hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
                    aria-label={`${node.nodeId}: details of attempt ${node.attempt}`}
                    aria-expanded={open}
                    aria-controls={open ? detailsId : undefined}
                    onClick={() => toggle(key)}
                  >
                    <ChevronRight
                      className={cn("size-3.5 shrink-0 transition-transform", open && "rotate-90")}
                      aria-hidden
                    />
                    {node.nodeId}
                  </button>
                </TableCell>
                <TableCell className="px-3 py-1.5 whitespace-nowrap text-muted-foreground">
                  {node.nodeType}
                </TableCell>
                <TableCell className="px-3 py-1.5 text-right tabular-nums">
                  {node.attempt}
                </TableCell>
                <TableCell className="px-3 py-1.5">
                  <RunStatusBadge status={node.status} />
                </TableCell>
                <TableCell
                  className="px-3 py-1.5 font-mono whitespace-nowrap"
                  title={node.tier ? `Tier ${node.tier}` : undefined}
                >
                  {node.model ?? "—"}
                </TableCell>
                <TableCell className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">
                  {usesModel
                    ? `${formatCount(node.tokensIn)} / ${formatCount(node.tokensOut)}`
                    : "—"}
                </TableCell>
                <TableCell className="px-3 py-1.5 text-right tabular-nums">
                  {usesModel ? formatCost(node.costUsd) : "—"}
                </TableCell>
                <TableCell className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">
                  {formatLatency(node.latencyMs)}
                </TableCell>
              </TableRow>
              {open && (
                <TableRow id={detailsId} className="bg-muted/20 hover:bg-muted/20">
                  <TableCell colSpan={COLUMNS} className="px-3 pt-0 pb-3">
                    {/* w-0 + min-w-full: long values wrap inside the table instead of widening it. */}
                    <div className="w-0 min-w-full">
                      <AttemptDetails node={node} />
                    </div>
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
