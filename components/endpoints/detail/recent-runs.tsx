"use client";

import { History } from "lucide-react";
import Link from "next/link";
import { RelativeTime } from "@/components/approvals/relative-time";
import { formatCost, formatLatency } from "@/components/flows/format";
import { RunStatusBadge } from "@/components/flows/run-status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListSkeleton } from "@/components/ui/skeleton";
import {
  ROW_LINK_CLASS,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { errorMessage } from "@/lib/query/api";
import { useEndpointRecentRuns } from "@/lib/query/endpoints";
import type { EndpointDto } from "@/lib/schemas/endpoints";

/** The newest runs callers started through the endpoint, with a link to the flow's endpoint runs in Runs. */
export function RecentRuns({
  workspaceId,
  endpoint,
}: {
  workspaceId: string;
  endpoint: EndpointDto;
}) {
  const runs = useEndpointRecentRuns(workspaceId, endpoint);
  const allHref = `/runs?${new URLSearchParams({ flowId: endpoint.flowId, trigger: "endpoint" })}`;
  return (
    <Card data-testid="endpoint-recent-runs">
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="flex flex-col gap-1.5">
          <CardTitle>Recent calls</CardTitle>
          <CardDescription>
            The newest runs callers started through {endpoint.slug}.
          </CardDescription>
        </div>
        <Button asChild variant="outline" size="sm">
          <Link href={allHref}>
            <History aria-hidden />
            All endpoint runs
          </Link>
        </Button>
      </CardHeader>
      <CardContent>
        {runs.isPending ? (
          <ListSkeleton rows={2} label="Loading recent calls…" />
        ) : runs.isError ? (
          <p className="text-sm text-danger">Could not load runs: {errorMessage(runs.error)}</p>
        ) : runs.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No calls yet. Create an API key and run one of the snippets above.
          </p>
        ) : (
          <Table aria-label="Recent calls">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Run</TableHead>
                <TableHead>Version</TableHead>
                <TableHead>API key</TableHead>
                <TableHead>Started</TableHead>
                <TableHead className="text-right">Latency</TableHead>
                <TableHead className="text-right">Cost</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.data.map((run) => (
                <TableRow key={run.id} className="relative">
                  <TableCell>
                    <Link href={`/runs/${encodeURIComponent(run.id)}`} className={ROW_LINK_CLASS}>
                      <RunStatusBadge status={run.status} />
                      <span className="sr-only"> run {run.id}</span>
                    </Link>
                  </TableCell>
                  <TableCell className="font-mono">
                    {run.flowVersion === null ? "draft" : `v${run.flowVersion}`}
                  </TableCell>
                  <TableCell>{run.apiKeyName ?? "—"}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <RelativeTime iso={run.createdAt} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatLatency(run.latencyMs)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatCost(run.costUsd)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
