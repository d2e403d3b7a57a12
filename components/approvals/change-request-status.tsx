import { Ban, Check, CircleDot, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";

type Variant = "info" | "success" | "danger" | "secondary";

const STATUSES: Record<string, { label: string; variant: Variant; icon: typeof Check }> = {
  open: { label: "Open", variant: "info", icon: CircleDot },
  approved: { label: "Approved", variant: "success", icon: Check },
  applied: { label: "Applied", variant: "success", icon: Check },
  rejected: { label: "Rejected", variant: "danger", icon: X },
  cancelled: { label: "Cancelled", variant: "secondary", icon: Ban },
};

/** A change request's status as a badge with an icon (Open, Applied, Rejected, Cancelled). */
export function ChangeRequestStatusBadge({ status }: { status: string }) {
  const known = STATUSES[status];
  if (!known) return <Badge variant="secondary">{status}</Badge>;
  const Icon = known.icon;
  return (
    <Badge variant={known.variant} data-testid="change-request-status">
      <Icon aria-hidden />
      {known.label}
    </Badge>
  );
}

/** "1 of 2 approvals", with the count in tabular figures. */
export function ApprovalCount({
  approvals,
  requiredApprovals,
}: {
  approvals: number;
  requiredApprovals: number;
}) {
  return (
    <span className="tabular-nums" data-testid="approval-count">
      {approvals} of {requiredApprovals}
      <span className="text-muted-foreground"> approval{requiredApprovals === 1 ? "" : "s"}</span>
    </span>
  );
}
