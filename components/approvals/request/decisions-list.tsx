import { Check, X } from "lucide-react";
import { RelativeTime } from "@/components/approvals/relative-time";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ChangeRequestDecisionDto } from "@/lib/schemas/change-requests";

/** One approver's decision; one invalidated by a revision is struck through and says so. */
function DecisionItem({ decision }: { decision: ChangeRequestDecisionDto }) {
  const approved = decision.decision === "approve";
  const invalidated = decision.invalidatedAt !== null;
  const Icon = approved ? Check : X;
  return (
    <li
      className="flex gap-3 border-b px-4 py-3 last:border-0"
      data-testid="decision"
      data-invalidated={invalidated || undefined}
    >
      <span
        aria-hidden
        className={cn(
          "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border [&_svg]:size-3.5",
          invalidated
            ? "text-muted-foreground"
            : approved
              ? "border-green-200 bg-green-50 text-green-700 dark:border-green-900 dark:bg-green-950/60 dark:text-green-300"
              : "border-red-200 bg-red-50 text-red-700 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300",
        )}
      >
        <Icon />
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span className={cn(invalidated && "text-muted-foreground line-through")}>
            <span className="font-medium">{decision.approver.name}</span>{" "}
            {approved ? "approved" : "rejected"}
          </span>
          <RelativeTime iso={decision.createdAt} className="text-xs text-muted-foreground" />
          {decision.invalidatedAt && (
            <Badge variant="warning" title="A newer version was requested after this approval">
              Invalidated by revision <RelativeTime iso={decision.invalidatedAt} />
            </Badge>
          )}
        </p>
        {decision.comment && (
          <p
            className={cn(
              "text-sm break-words whitespace-pre-wrap",
              invalidated && "text-muted-foreground line-through",
            )}
          >
            {decision.comment}
          </p>
        )}
      </div>
    </li>
  );
}

/** Every decision on a request, oldest first, including approvals a revision invalidated. */
export function DecisionsList({
  decisions,
  requiredApprovals,
  open,
}: {
  decisions: ChangeRequestDecisionDto[];
  requiredApprovals: number;
  open: boolean;
}) {
  return (
    <section aria-labelledby="decisions-heading" className="flex flex-col gap-3">
      <h2 id="decisions-heading" className="text-lg font-semibold">
        Decisions
      </h2>
      {decisions.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="no-decisions">
          {open
            ? `No decisions yet. ${requiredApprovals === 1 ? "One approval applies" : `${requiredApprovals} approvals apply`} the change.`
            : "Nobody decided on this request."}
        </p>
      ) : (
        <ol className="rounded-lg border bg-card" aria-label="Decisions">
          {decisions.map((decision) => (
            <DecisionItem key={decision.id} decision={decision} />
          ))}
        </ol>
      )}
    </section>
  );
}
