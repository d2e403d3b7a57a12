import Link from "next/link";
import {
  ApprovalCount,
  ChangeRequestStatusBadge,
} from "@/components/approvals/change-request-status";
import type { ChangeRequestSummaryDto } from "@/lib/schemas/change-requests";

/** The open change requests for one label: title (linking to the request), status, approvals. */
export function LabelRequests({ requests }: { requests: ChangeRequestSummaryDto[] }) {
  if (requests.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1.5" aria-label="Open change requests">
      {requests.map((request) => (
        <li
          key={request.id}
          className="flex flex-col gap-1 rounded-md border border-dashed px-2.5 py-2 text-xs"
          data-testid="label-change-request"
        >
          <Link
            href={`/approvals/requests/${encodeURIComponent(request.id)}`}
            className="font-medium break-words underline-offset-2 hover:underline"
          >
            {request.title}
          </Link>
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-muted-foreground">
            <ChangeRequestStatusBadge status={request.status} />
            <span>→ v{request.target.version}</span>
            <ApprovalCount
              approvals={request.approvals}
              requiredApprovals={request.requiredApprovals}
            />
            <span>by {request.author.name}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
