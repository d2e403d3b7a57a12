"use client";

import { ChevronDown, ListFilter } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { Timestamp } from "@/components/approvals/relative-time";
import { formatStarted } from "@/components/runs/list/format";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/query/audit-log";
import { AuditChange } from "./audit-change";
import type { SetAuditFilters } from "./audit-filters-url";
import { actionLabel, targetTypeLabel } from "./audit-labels";
import { targetHref, targetName } from "./audit-target";

const COLUMNS = 5;

/** Who acted: a user's name, a removed user, or the system itself. */
function ActorCell({ actor }: { actor: AuditEventDto["actor"] }) {
  if (!actor) return <span className="text-muted-foreground italic">System</span>;
  if (actor.name === null)
    return <span className="text-muted-foreground italic">Deleted user</span>;
  return <span className="font-medium">{actor.name}</span>;
}

/** The target's kind and name (linked where a page shows it), and a button to see only its history. */
function TargetCell({ event, setFilters }: { event: AuditEventDto; setFilters: SetAuditFilters }) {
  const name = targetName(event);
  const href = targetHref(event);
  const kind = targetTypeLabel(event.target.type);
  const text = name ?? (event.target.id ? event.target.id.slice(0, 12) : "—");
  return (
    <div className="flex min-w-0 items-center gap-1">
      <div className="flex min-w-0 flex-col gap-0.5">
        <span className="text-xs text-muted-foreground">{kind}</span>
        {href ? (
          <Link
            href={href}
            className="max-w-56 truncate rounded-sm font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
            title={name ?? event.target.id ?? undefined}
          >
            {text}
          </Link>
        ) : (
          <span
            className={cn("max-w-56 truncate", !name && "font-mono text-xs")}
            title={name ?? event.target.id ?? undefined}
          >
            {text}
          </span>
        )}
      </div>
      {event.target.id && (
        <Button
          variant="ghost"
          size="icon-sm"
          className="shrink-0 text-muted-foreground"
          aria-label={`Show only the history of ${kind.toLowerCase()} ${name ?? event.target.id}`}
          title="Show only this target's history"
          onClick={() => setFilters({ targetType: event.target.type, targetId: event.target.id! })}
        >
          <ListFilter aria-hidden />
        </Button>
      )}
    </div>
  );
}

/** One event and, once opened, what it changed in a full-width row below it. */
function AuditRow({
  workspaceId,
  event,
  setFilters,
}: {
  workspaceId: string;
  event: AuditEventDto;
  setFilters: SetAuditFilters;
}) {
  const [open, setOpen] = useState(false);
  const detailsId = `audit-change-${event.id}`;
  const label = actionLabel(event.action);
  return (
    <Fragment>
      <TableRow
        data-testid="audit-row"
        data-action={event.action}
        className={cn(open && "border-b-0")}
      >
        <TableCell className="px-3 whitespace-nowrap">
          <Timestamp iso={event.createdAt} format={formatStarted} />
        </TableCell>
        <TableCell className="px-3">
          <ActorCell actor={event.actor} />
        </TableCell>
        <TableCell className="px-3">
          <div className="flex flex-col gap-0.5">
            <span>{label}</span>
            <code className="text-xs text-muted-foreground">{event.action}</code>
          </div>
        </TableCell>
        <TableCell className="px-3">
          <TargetCell event={event} setFilters={setFilters} />
        </TableCell>
        <TableCell className="px-3 text-right">
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={`Changes: ${label}`}
            onClick={() => setOpen(!open)}
            data-testid="audit-row-toggle"
          >
            Changes
            <ChevronDown className={cn("transition-transform", open && "rotate-180")} aria-hidden />
          </Button>
        </TableCell>
      </TableRow>
      {open && (
        <TableRow className="bg-muted/20 hover:bg-muted/20">
          <TableCell id={detailsId} colSpan={COLUMNS} className="px-3 pb-4">
            <AuditChange workspaceId={workspaceId} event={event} />
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

/** The audit events, newest first; each row opens its before and after. Dimmed while new filters load. */
export function AuditTable({
  workspaceId,
  events,
  stale,
  setFilters,
}: {
  workspaceId: string;
  events: AuditEventDto[];
  stale: boolean;
  setFilters: SetAuditFilters;
}) {
  return (
    <Table data-testid="audit-table" className={cn("transition-opacity", stale && "opacity-60")}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="px-3">Time</TableHead>
          <TableHead className="px-3">Actor</TableHead>
          <TableHead className="px-3">Action</TableHead>
          <TableHead className="px-3">Target</TableHead>
          <TableHead className="px-3 text-right">
            <span className="sr-only">Before and after</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => (
          <AuditRow
            key={event.id}
            workspaceId={workspaceId}
            event={event}
            setFilters={setFilters}
          />
        ))}
      </TableBody>
    </Table>
  );
}
