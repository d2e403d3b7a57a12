import Link from "next/link";
import {
  ApprovalCount,
  ChangeRequestStatusBadge,
} from "@/components/approvals/change-request-status";
import { ChangeRequestTarget } from "@/components/approvals/change-request-target";
import { RelativeTime } from "@/components/approvals/relative-time";
import { Badge } from "@/components/ui/badge";
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
import type { ChangeRequestSummaryDto } from "@/lib/schemas/change-requests";

/** One request: the title's link covers the whole row, so a click anywhere opens it. */
function ChangeRequestRow({
  request,
  currentUserId,
  waitsForViewer,
  decided,
}: {
  request: ChangeRequestSummaryDto;
  currentUserId: string;
  waitsForViewer: boolean;
  decided: boolean;
}) {
  const time = decided && request.decidedAt ? request.decidedAt : request.createdAt;
  return (
    <TableRow className="relative" data-testid="change-request-row" data-request-id={request.id}>
      <TableCell className="min-w-52 px-3">
        <Link
          href={`/approvals/requests/${encodeURIComponent(request.id)}`}
          className={cn(ROW_LINK_CLASS, "font-medium hover:underline")}
        >
          {request.title}
        </Link>
        <ChangeRequestTarget request={request} className="mt-1 text-xs" />
        <p className="mt-1 text-xs text-muted-foreground md:hidden">
          {request.author.name} · <RelativeTime iso={time} />
        </p>
      </TableCell>
      <TableCell className="hidden px-3 whitespace-nowrap md:table-cell">
        <span className="flex items-center gap-1.5">
          {request.author.name}
          {request.author.id === currentUserId && <Badge variant="outline">You</Badge>}
        </span>
      </TableCell>
      <TableCell className="px-3">
        <span className="flex flex-wrap items-center gap-1.5">
          <ChangeRequestStatusBadge status={request.status} />
          {waitsForViewer && (
            <Badge variant="warning" title="Waiting for your decision" data-testid="waits-for-you">
              Needs you
            </Badge>
          )}
        </span>
        <p className="mt-1 text-xs whitespace-nowrap">
          <ApprovalCount
            approvals={request.approvals}
            requiredApprovals={request.requiredApprovals}
          />
        </p>
      </TableCell>
      <TableCell className="hidden px-3 whitespace-nowrap text-muted-foreground md:table-cell">
        <RelativeTime iso={time} />
      </TableCell>
    </TableRow>
  );
}

/** Change requests as a table: request and target, author, status with approvals, and age. */
export function ChangeRequestTable({
  requests,
  currentUserId,
  waitingForViewer,
  decided,
  label,
}: {
  requests: ChangeRequestSummaryDto[];
  currentUserId: string;
  /** Ids of the requests the viewer may decide now. */
  waitingForViewer: ReadonlySet<string>;
  /** Decided requests show when they were decided instead of when they were opened. */
  decided: boolean;
  label: string;
}) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="px-3">Request</TableHead>
          <TableHead className="hidden px-3 md:table-cell">Author</TableHead>
          <TableHead className="px-3">Status</TableHead>
          <TableHead className="hidden px-3 md:table-cell">
            {decided ? "Decided" : "Opened"}
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((request) => (
          <ChangeRequestRow
            key={request.id}
            request={request}
            currentUserId={currentUserId}
            waitsForViewer={waitingForViewer.has(request.id)}
            decided={decided}
          />
        ))}
      </TableBody>
    </Table>
  );
}
