"use client";

import { Timestamp } from "@/components/approvals/relative-time";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { QueueWorkerDto } from "@/lib/schemas/system";

/** "4 s ago", "3 min ago": heartbeats come every few seconds, so seconds matter here. */
function secondsAgo(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  return seconds < 120 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago`;
}

/** How full a worker is: runs in flight out of its concurrency, as a bar and a count. */
function Load({ inFlight, concurrency }: { inFlight: number; concurrency: number }) {
  const share = concurrency > 0 ? Math.min(1, inFlight / concurrency) : 0;
  return (
    <div className="flex items-center gap-2">
      <div
        className="h-1.5 w-24 overflow-hidden rounded-full bg-muted"
        role="meter"
        aria-label="Runs in flight"
        aria-valuemin={0}
        aria-valuemax={concurrency}
        aria-valuenow={inFlight}
      >
        <div className="h-full rounded-full bg-primary" style={{ width: `${share * 100}%` }} />
      </div>
      <span className="tabular-nums text-sm">
        {inFlight} / {concurrency}
      </span>
    </div>
  );
}

/** The queue workers: id, host and process, load, when they started and were last heard from. */
export function WorkersTable({ workers, now }: { workers: QueueWorkerDto[]; now: number }) {
  return (
    <Table aria-label="Queue workers">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Worker</TableHead>
          <TableHead>Host</TableHead>
          <TableHead>Runs in flight</TableHead>
          <TableHead>Started</TableHead>
          <TableHead>Last heartbeat</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {workers.map((worker) => (
          <TableRow key={worker.id}>
            <TableCell className="font-mono text-xs">{worker.id}</TableCell>
            <TableCell>
              {worker.host} <span className="text-muted-foreground">(pid {worker.pid})</span>
            </TableCell>
            <TableCell>
              <Load inFlight={worker.inFlight} concurrency={worker.concurrency} />
            </TableCell>
            <TableCell>
              <Timestamp iso={worker.startedAt} format={(iso) => secondsAgo(iso, now)} />
            </TableCell>
            <TableCell>
              <span className="flex items-center gap-2">
                <Timestamp iso={worker.lastHeartbeatAt} format={(iso) => secondsAgo(iso, now)} />
                {worker.live ? (
                  <Badge variant="success">Live</Badge>
                ) : (
                  <Badge variant="warning">Silent</Badge>
                )}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
